//----- client.d.ts
export declare const Skipped: {
    /** POST /_server/Skipped/Kept */
    kept(options?: ServerFunctionCallOptions): Promise<number>;
};
//----- client.js
const Skipped$ = Object.freeze({
    kept(options) {
        return $call("POST", "/_server/Skipped/Kept", [], options);
    },
});
export { Skipped$ as Skipped };
