//----- client.d.ts
export interface Order {
    item: string;
    quantity: number;
}

export declare const Catalog: {
    /** GET /_server/Catalog/Either */
    either(fail: boolean, options?: ServerFunctionCallOptions): Promise<unknown>;
    /** POST /_server/Catalog/Form */
    form(form: FormData, options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Catalog/Maybe */
    maybe(order?: Order | null, options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Catalog/Pipe */
    pipe(reader: Blob | string, options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Catalog/Place */
    place(order: Order, priority: number, options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Catalog/Raw */
    raw(body: Blob | string, options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Catalog/RawBeside */
    rawBeside(body: Blob | string, options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Catalog/RawBesideTwo */
    rawBesideTwo(reader: Blob | string, options?: ServerFunctionCallOptions): Promise<number>;
    /** GET /api/catalog/{id} */
    search(productId: number, text: string | null | undefined, tenant: string, ids?: number[], names?: string[], tags?: number[], raw?: string[], take?: number | null, filter?: number | null, budget?: string | null, options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Catalog/Sum */
    sum(values: number[], labels?: string[] | null, options?: ServerFunctionCallOptions): Promise<number>;
    /** POST /_server/Catalog/Upload */
    upload(file: Blob, thumbnail: Blob | null | undefined, all: Blob[], caption: string, sizes?: number[], options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Catalog$ = Object.freeze({
    either(fail, options) {
        return $call("GET", "/_server/Catalog/Either", [["query", "fail", fail]], options);
    },
    form(form, options) {
        return $call("POST", "/_server/Catalog/Form", [["raw", "form", form]], options);
    },
    maybe(order, options) {
        return $call("POST", "/_server/Catalog/Maybe", [["body", "order", order]], options);
    },
    pipe(reader, options) {
        return $call("POST", "/_server/Catalog/Pipe", [["raw", "reader", reader]], options);
    },
    place(order, priority, options) {
        return $call("POST", "/_server/Catalog/Place", [["body", "order", order], ["query", "priority", priority]], options);
    },
    raw(body, options) {
        return $call("POST", "/_server/Catalog/Raw", [["raw", "body", body]], options);
    },
    rawBeside(body, options) {
        return $call("POST", "/_server/Catalog/RawBeside", [["raw", "body", body]], options);
    },
    rawBesideTwo(reader, options) {
        return $call("POST", "/_server/Catalog/RawBesideTwo", [["raw", "reader", reader]], options);
    },
    search(productId, text, tenant, ids, names, tags, raw, take, filter, budget, options) {
        return $call("GET", "/api/catalog/{id}", [["route", "id", productId], ["query", "q", text], ["header", "X-Tenant", tenant], ["query", "ids", ids], ["query", "names", names], ["query", "tags", tags], ["query", "raw", raw], ["query", "take", take], ["query", "filter", filter], ["query", "budget", budget]], options);
    },
    sum(values, labels, options) {
        return $call("POST", "/_server/Catalog/Sum", [["json", "values", values], ["json", "labels", labels]], options);
    },
    upload(file, thumbnail, all, caption, sizes, options) {
        return $call("POST", "/_server/Catalog/Upload", [["form", "file", file], ["form", "thumbnail", thumbnail], ["form", "all", all], ["form", "title", caption], ["form", "sizes", sizes]], options);
    },
});
export { Catalog$ as Catalog };
