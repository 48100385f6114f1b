//----- client.d.ts
export interface Order {
    id: number;
}

export declare const Orders: {
    /** GET /_server/Orders/Mine */
    mine(take?: number, options?: ServerFunctionCallOptions): Promise<Order[]>;
};
//----- client.js
const Orders$ = Object.freeze({
    mine(take, options) {
        return $call("GET", "/_server/Orders/Mine", [["query", "take", take]], options);
    },
});
export { Orders$ as Orders };
