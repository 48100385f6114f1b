//----- client.d.ts
export declare const Account: {
    /** POST /_server/Account/Show */
    show(extra: unknown): Promise<string>;
};

export declare const Checkout: {
    /** GET /_server/Checkout/Classes */
    classes(take: number): Promise<string>;
    /** GET /_server/Checkout/WithParameters */
    withParameters(id: number): Promise<string>;
    /** GET /_server/Checkout/Structs */
    structs(): Promise<string>;
    /** POST /_server/Checkout/Place */
    place(note: string): Promise<void>;
    /** GET /api/checkout/{id} */
    overloaded(id: number): Promise<unknown>;
    /** GET /api/checkout/by-name/{id} */
    overloaded2(id: string): Promise<unknown>;
};
//----- client.js
const Account$ = Object.freeze({
    show(extra) {
        return $call("POST", "/_server/Account/Show", [["json", "extra", extra]]);
    },
});
export { Account$ as Account };

const Checkout$ = Object.freeze({
    classes(take) {
        return $call("GET", "/_server/Checkout/Classes", [["query", "take", take]]);
    },
    withParameters(id) {
        return $call("GET", "/_server/Checkout/WithParameters", [["query", "id", id]]);
    },
    structs() {
        return $call("GET", "/_server/Checkout/Structs", []);
    },
    place(note) {
        return $call("POST", "/_server/Checkout/Place", [["json", "note", note]]);
    },
    overloaded(id) {
        return $call("GET", "/api/checkout/{id}", [["route", "id", id]]);
    },
    overloaded2(id) {
        return $call("GET", "/api/checkout/by-name/{id}", [["route", "id", id]]);
    },
});
export { Checkout$ as Checkout };
