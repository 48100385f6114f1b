//----- client.d.ts
export type Shade = 0 | 1;
export declare const Shade: {
    readonly Red: 0;
    readonly Green: 1;
};

export declare const Catalog: {
    /** GET /_server/Catalog/Filter */
    filter(ids?: (number | null)[], shades?: (Shade | null)[], prices?: (string | null)[], versions?: (string | null)[], required?: string[], keys?: (string | null)[], options?: ServerFunctionCallOptions): Promise<string>;
    /** GET /api/skus/{code} */
    find(code?: string | null, other?: string | null, maybe?: (string | null)[], skus?: string[], headed?: string[], options?: ServerFunctionCallOptions): Promise<string>;
    /** GET /api/oblivious */
    oblivious(ver: string | null, budget: string | null, options?: ServerFunctionCallOptions): Promise<string | null>;
    /** POST /_server/Catalog/Post */
    post(sku?: string | null, codes?: (string | null)[], counts?: (number | null)[], options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Shade$ = Object.freeze({
    Red: 0,
    Green: 1,
});
export { Shade$ as Shade };

const Catalog$ = Object.freeze({
    filter(ids, shades, prices, versions, required, keys, options) {
        return $call("GET", "/_server/Catalog/Filter", [["query", "ids", ids], ["query", "shades", shades], ["query", "prices", prices], ["query", "versions", versions], ["query", "required", required], ["query", "keys", keys]], options);
    },
    find(code, other, maybe, skus, headed, options) {
        return $call("GET", "/api/skus/{code}", [["route", "code", code], ["query", "other", other], ["query", "maybe", maybe], ["query", "skus", skus], ["header", "X-Skus", headed]], options);
    },
    oblivious(ver, budget, options) {
        return $call("GET", "/api/oblivious", [["query", "ver", ver], ["query", "budget", budget]], options, "nullable");
    },
    post(sku, codes, counts, options) {
        return $call("POST", "/_server/Catalog/Post", [["json", "sku", sku], ["form", "codes", codes], ["form", "counts", counts]], options);
    },
});
export { Catalog$ as Catalog };
