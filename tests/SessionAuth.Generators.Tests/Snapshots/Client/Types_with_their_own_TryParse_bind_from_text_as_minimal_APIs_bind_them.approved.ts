//----- client.d.ts
export interface Tier {
}

export declare const Catalog: {
    /** GET /api/links/{home} */
    links(home: string, next?: string | null, mirrors?: string[], options?: ServerFunctionCallOptions): Promise<string>;
    /** GET /api/releases/{version} */
    release(version: string, since: string | null | undefined, sku: string, fallback?: string, range?: string | null, options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /api/tiers */
    tiers(tier: Tier, maybe?: string | null, options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Catalog$ = Object.freeze({
    links(home, next, mirrors, options) {
        return $call("GET", "/api/links/{home}", [["route", "home", home], ["query", "next", next], ["query", "mirrors", mirrors]], options);
    },
    release(version, since, sku, fallback, range, options) {
        return $call("GET", "/api/releases/{version}", [["route", "version", version], ["query", "since", since], ["header", "X-Sku", sku], ["query", "fallback", fallback], ["query", "range", range]], options);
    },
    tiers(tier, maybe, options) {
        return $call("POST", "/api/tiers", [["json", "tier", tier], ["json", "maybe", maybe]], options);
    },
});
export { Catalog$ as Catalog };
