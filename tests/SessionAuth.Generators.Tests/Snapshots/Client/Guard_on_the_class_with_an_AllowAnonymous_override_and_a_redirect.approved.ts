//----- client.d.ts
export declare const Orders: {
    /** POST /_server/Orders/Count */
    count(options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Orders/Mine */
    mine(options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Orders$ = Object.freeze({
    count(options) {
        return $call("POST", "/_server/Orders/Count", [], options);
    },
    mine(options) {
        return $call("POST", "/_server/Orders/Mine", [], options);
    },
});
export { Orders$ as Orders };
