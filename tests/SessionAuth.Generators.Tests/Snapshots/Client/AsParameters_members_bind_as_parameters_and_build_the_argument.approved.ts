//----- client.d.ts
export type Sort = 0 | 1;
export declare const Sort: {
    readonly Name: 0;
    readonly Price: 1;
};

export declare const Catalog: {
    /** POST /_server/Catalog/Post */
    post(note: string, title: string, tags?: string[], picture?: Blob | null, options?: ServerFunctionCallOptions): Promise<string>;
    /** GET /api/shelves/{shelf} */
    search(shelf: number, text: string | null | undefined, tenant: string, sort: Sort | undefined, take: number | undefined, page: number, size?: number | null, exact?: boolean, options?: ServerFunctionCallOptions): Promise<string>;
};

export declare const Orders: {
    /** GET /_server/Orders/Count */
    count(page: number, size?: number | null, options?: ServerFunctionCallOptions): Promise<number>;
};
//----- client.js
const Sort$ = Object.freeze({
    Name: 0,
    Price: 1,
});
export { Sort$ as Sort };

const Catalog$ = Object.freeze({
    post(note, title, tags, picture, options) {
        return $call("POST", "/_server/Catalog/Post", [["json", "note", note], ["json", "Title", title], ["form", "tag", tags], ["form", "Picture", picture]], options);
    },
    search(shelf, text, tenant, sort, take, page, size, exact, options) {
        return $call("GET", "/api/shelves/{shelf}", [["route", "Shelf", shelf], ["query", "q", text], ["header", "X-Tenant", tenant], ["query", "Sort", sort], ["query", "Take", take], ["query", "Page", page], ["query", "Size", size], ["query", "exact", exact]], options);
    },
});
export { Catalog$ as Catalog };

const Orders$ = Object.freeze({
    count(page, size, options) {
        return $call("GET", "/_server/Orders/Count", [["query", "Page", page], ["query", "Size", size]], options);
    },
});
export { Orders$ as Orders };
