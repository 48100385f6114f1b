//----- client.d.ts
export declare const Catalog: {
    /** GET /_server/Catalog/Products */
    products(): Promise<string[]>;
};

export declare const Orders: {
    /** POST /_server/Orders/Count */
    count(): Promise<number>;
    /** POST /_server/Orders/Health */
    health(): Promise<string>;
};
//----- client.js
const Catalog$ = Object.freeze({
    products() {
        return $call("GET", "/_server/Catalog/Products", []);
    },
});
export { Catalog$ as Catalog };

const Orders$ = Object.freeze({
    count() {
        return $call("POST", "/_server/Orders/Count", []);
    },
    health() {
        return $call("POST", "/_server/Orders/Health", []);
    },
});
export { Orders$ as Orders };
