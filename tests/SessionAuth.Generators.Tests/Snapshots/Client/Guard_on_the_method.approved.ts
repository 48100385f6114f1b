//----- client.d.ts
export declare const Orders: {
    /** POST /_server/Orders/Count */
    count(options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Orders/Preloaded */
    preloaded(options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Orders/Public */
    public(options?: ServerFunctionCallOptions): Promise<number>;
};
//----- client.js
const Orders$ = Object.freeze({
    count(options) {
        return $call("POST", "/_server/Orders/Count", [], options);
    },
    preloaded(options) {
        return $call("POST", "/_server/Orders/Preloaded", [], options);
    },
    public(options) {
        return $call("POST", "/_server/Orders/Public", [], options);
    },
});
export { Orders$ as Orders };
