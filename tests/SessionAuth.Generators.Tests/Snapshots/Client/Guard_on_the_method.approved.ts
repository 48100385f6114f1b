//----- client.d.ts
export declare const Orders: {
    /** POST /_server/Orders/Count */
    count(): Promise<number>;
    /** POST /_server/Orders/Public */
    public(): Promise<number>;
    /** POST /_server/Orders/Preloaded */
    preloaded(): Promise<number>;
};
//----- client.js
const Orders$ = Object.freeze({
    count() {
        return $call("POST", "/_server/Orders/Count", []);
    },
    public() {
        return $call("POST", "/_server/Orders/Public", []);
    },
    preloaded() {
        return $call("POST", "/_server/Orders/Preloaded", []);
    },
});
export { Orders$ as Orders };
