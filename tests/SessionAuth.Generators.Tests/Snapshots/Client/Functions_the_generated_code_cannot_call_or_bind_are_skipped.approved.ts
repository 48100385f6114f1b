//----- client.d.ts
export declare const Skipped: {
    /** POST /_server/Skipped/Kept */
    kept(): Promise<number>;
};
//----- client.js
const Skipped$ = Object.freeze({
    kept() {
        return $call("POST", "/_server/Skipped/Kept", []);
    },
});
export { Skipped$ as Skipped };
