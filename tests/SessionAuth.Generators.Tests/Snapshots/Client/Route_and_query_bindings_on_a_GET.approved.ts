//----- client.d.ts
export type Category = 0 | 1;
export declare const Category: {
    readonly Wands: 0;
    readonly Owls: 1;
};

export declare const Products: {
    /** GET /api/products */
    browse(category?: Category | null, options?: ServerFunctionCallOptions): Promise<string>;
    /** GET /api/products/{category}/{id:int} */
    find(category: Category, id: number, search?: string | null, after?: string | null, page?: number, sort?: string, fallback?: Category, since?: string | null, ratio?: number, scale?: number, price?: number, big?: number, exact?: boolean, initial?: string, options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Category$ = Object.freeze({
    Wands: 0,
    Owls: 1,
});
export { Category$ as Category };

const Products$ = Object.freeze({
    browse(category, options) {
        return $call("GET", "/api/products", [["query", "category", category]], options);
    },
    find(category, id, search, after, page, sort, fallback, since, ratio, scale, price, big, exact, initial, options) {
        return $call("GET", "/api/products/{category}/{id:int}", [["route", "category", category], ["route", "id", id], ["query", "search", search], ["query", "after", after], ["query", "page", page], ["query", "sort", sort], ["query", "fallback", fallback], ["query", "since", since], ["query", "ratio", ratio], ["query", "scale", scale], ["query", "price", price], ["query", "big", big], ["query", "exact", exact], ["query", "initial", initial]], options);
    },
});
export { Products$ as Products };
