//----- client.d.ts
export interface Order {
    item: string;
    quantity: number;
}

export declare const Catalog: {
    /** GET /api/catalog/{id} */
    search(productId: number, text: string | null | undefined, tenant: string, ids?: number[], names?: string[], tags?: number[], raw?: string[], take?: number | null, filter?: number | null, budget?: string | null): Promise<string>;
    /** POST /_server/Catalog/Upload */
    upload(file: Blob, thumbnail: Blob | null | undefined, all: Blob[], caption: string, sizes?: number[]): Promise<string>;
    /** POST /_server/Catalog/Form */
    form(form: FormData): Promise<string>;
    /** POST /_server/Catalog/Place */
    place(order: Order, priority: number): Promise<string>;
    /** POST /_server/Catalog/Maybe */
    maybe(order?: Order | null): Promise<string>;
    /** POST /_server/Catalog/Raw */
    raw(body: Blob | string): Promise<number>;
    /** POST /_server/Catalog/Pipe */
    pipe(reader: Blob | string): Promise<number>;
    /** POST /_server/Catalog/RawBeside */
    rawBeside(body: Blob | string): Promise<number>;
    /** POST /_server/Catalog/Sum */
    sum(values: number[], labels?: string[] | null): Promise<number>;
    /** GET /_server/Catalog/Either */
    either(fail: boolean): Promise<unknown>;
};
//----- client.js
const Catalog$ = Object.freeze({
    search(productId, text, tenant, ids, names, tags, raw, take, filter, budget) {
        return $call("GET", "/api/catalog/{id}", [["route", "id", productId], ["query", "q", text], ["header", "X-Tenant", tenant], ["query", "ids", ids], ["query", "names", names], ["query", "tags", tags], ["query", "raw", raw], ["query", "take", take], ["query", "filter", filter], ["query", "budget", budget]]);
    },
    upload(file, thumbnail, all, caption, sizes) {
        return $call("POST", "/_server/Catalog/Upload", [["form", "file", file], ["form", "thumbnail", thumbnail], ["form", "all", all], ["form", "title", caption], ["form", "sizes", sizes]]);
    },
    form(form) {
        return $call("POST", "/_server/Catalog/Form", [["raw", "form", form]]);
    },
    place(order, priority) {
        return $call("POST", "/_server/Catalog/Place", [["body", "order", order], ["query", "priority", priority]]);
    },
    maybe(order) {
        return $call("POST", "/_server/Catalog/Maybe", [["body", "order", order]]);
    },
    raw(body) {
        return $call("POST", "/_server/Catalog/Raw", [["raw", "body", body]]);
    },
    pipe(reader) {
        return $call("POST", "/_server/Catalog/Pipe", [["raw", "reader", reader]]);
    },
    rawBeside(body) {
        return $call("POST", "/_server/Catalog/RawBeside", [["raw", "body", body]]);
    },
    sum(values, labels) {
        return $call("POST", "/_server/Catalog/Sum", [["json", "values", values], ["json", "labels", labels]]);
    },
    either(fail) {
        return $call("GET", "/_server/Catalog/Either", [["query", "fail", fail]]);
    },
});
export { Catalog$ as Catalog };
