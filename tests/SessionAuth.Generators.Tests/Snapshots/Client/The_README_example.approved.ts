//----- client.d.ts
export interface Order {
    id: number;
}

export declare const Orders: {
    /** GET /_server/Orders/Mine */
    mine(take?: number): Promise<Order[]>;
};
//----- client.js
const Orders$ = Object.freeze({
    mine(take) {
        return $call("GET", "/_server/Orders/Mine", [["query", "take", take]]);
    },
});
export { Orders$ as Orders };
