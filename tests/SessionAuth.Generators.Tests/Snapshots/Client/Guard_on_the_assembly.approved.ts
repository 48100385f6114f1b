//----- client.d.ts
export declare const Catalog: {
    /** GET /_server/Catalog/Products */
    products(options?: ServerFunctionCallOptions): Promise<string[]>;
};

export declare const Orders: {
    /** POST /_server/Orders/Count */
    count(options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Orders/Health */
    health(options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Catalog$ = Object.freeze({
    products(options) {
        return $call("GET", "/_server/Catalog/Products", [], options);
    },
});
export { Catalog$ as Catalog };

const Orders$ = Object.freeze({
    count(options) {
        return $call("POST", "/_server/Orders/Count", [], options);
    },
    health(options) {
        return $call("POST", "/_server/Orders/Health", [], options);
    },
});
export { Orders$ as Orders };
