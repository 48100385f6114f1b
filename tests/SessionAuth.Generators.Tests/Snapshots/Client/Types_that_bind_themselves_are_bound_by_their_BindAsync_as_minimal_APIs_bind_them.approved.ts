//----- client.d.ts
export declare const Account: {
    /** POST /_server/Account/Show */
    show(extra: unknown, options?: ServerFunctionCallOptions): Promise<string>;
};

export declare const Checkout: {
    /** GET /_server/Checkout/Classes */
    classes(take: number, options?: ServerFunctionCallOptions): Promise<string>;
    /** GET /api/checkout/by-name/{id} */
    overloaded(id: string, options?: ServerFunctionCallOptions): Promise<unknown>;
    /** GET /api/checkout/{id} */
    overloaded2(id: number, options?: ServerFunctionCallOptions): Promise<unknown>;
    /** POST /_server/Checkout/Place */
    place(note: string, options?: ServerFunctionCallOptions): Promise<void>;
    /** GET /_server/Checkout/Structs */
    structs(options?: ServerFunctionCallOptions): Promise<string>;
    /** GET /_server/Checkout/WithParameters */
    withParameters(id: number, options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Account$ = Object.freeze({
    show(extra, options) {
        return $call("POST", "/_server/Account/Show", [["json", "extra", extra]], options);
    },
});
export { Account$ as Account };

const Checkout$ = Object.freeze({
    classes(take, options) {
        return $call("GET", "/_server/Checkout/Classes", [["query", "take", take]], options);
    },
    overloaded(id, options) {
        return $call("GET", "/api/checkout/by-name/{id}", [["route", "id", id]], options);
    },
    overloaded2(id, options) {
        return $call("GET", "/api/checkout/{id}", [["route", "id", id]], options);
    },
    place(note, options) {
        return $call("POST", "/_server/Checkout/Place", [["json", "note", note]], options);
    },
    structs(options) {
        return $call("GET", "/_server/Checkout/Structs", [], options);
    },
    withParameters(id, options) {
        return $call("GET", "/_server/Checkout/WithParameters", [["query", "id", id]], options);
    },
});
export { Checkout$ as Checkout };
