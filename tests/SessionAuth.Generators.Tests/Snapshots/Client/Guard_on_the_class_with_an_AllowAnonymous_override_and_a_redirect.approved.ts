//----- client.d.ts
export declare const Orders: {
    /** POST /_server/Orders/Mine */
    mine(options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Orders/Count */
    count(options?: ServerFunctionCallOptions): Promise<number>;
};
//----- client.js
const Orders$ = Object.freeze({
    mine(options) {
        return $call("POST", "/_server/Orders/Mine", [], options);
    },
    count(options) {
        return $call("POST", "/_server/Orders/Count", [], options);
    },
});
export { Orders$ as Orders };
