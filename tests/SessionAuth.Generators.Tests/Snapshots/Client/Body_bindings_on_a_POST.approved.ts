//----- client.d.ts
export interface Address {
    street: string;
    city: string;
}

export declare const Orders: {
    /** POST /_server/Orders/Place */
    place(item: string, quantity: number, price: number, giftWrap: boolean, shipTo: Address, billTo?: Address | null, options?: ServerFunctionCallOptions): Promise<number>;
};
//----- client.js
const Orders$ = Object.freeze({
    place(item, quantity, price, giftWrap, shipTo, billTo, options) {
        return $call("POST", "/_server/Orders/Place", [["json", "item", item], ["json", "quantity", quantity], ["json", "price", price], ["json", "giftWrap", giftWrap], ["json", "shipTo", shipTo], ["json", "billTo", billTo]], options);
    },
});
export { Orders$ as Orders };
