//----- client.d.ts
export declare const Orders: {
    /** POST /_server/Orders/Mine */
    mine(): Promise<string>;
    /** POST /_server/Orders/Count */
    count(): Promise<number>;
};
//----- client.js
const Orders$ = Object.freeze({
    mine() {
        return $call("POST", "/_server/Orders/Mine", []);
    },
    count() {
        return $call("POST", "/_server/Orders/Count", []);
    },
});
export { Orders$ as Orders };
