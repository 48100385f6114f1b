//----- client.d.ts
export declare const Returns: {
    /** POST /_server/Returns/Nothing */
    nothing(): Promise<void>;
    /** POST /_server/Returns/NothingLater */
    nothingLater(): Promise<void>;
    /** POST /_server/Returns/NothingLaterCheaply */
    nothingLaterCheaply(): Promise<void>;
    /** POST /_server/Returns/Value */
    value(): Promise<string[]>;
    /** POST /_server/Returns/ValueLater */
    valueLater(): Promise<number | null>;
    /** POST /_server/Returns/ValueLaterCheaply */
    valueLaterCheaply(): Promise<string>;
    /** POST /_server/Returns/Result */
    result(): Promise<unknown>;
    /** POST /_server/Returns/ResultLater */
    resultLater(): Promise<unknown>;
    /** POST /_server/Returns/TypedResult */
    typedResult(): Promise<string>;
};
//----- client.js
export const Returns = Object.freeze({
    nothing() {
        return call("POST", "/_server/Returns/Nothing", []);
    },
    nothingLater() {
        return call("POST", "/_server/Returns/NothingLater", []);
    },
    nothingLaterCheaply() {
        return call("POST", "/_server/Returns/NothingLaterCheaply", []);
    },
    value() {
        return call("POST", "/_server/Returns/Value", []);
    },
    valueLater() {
        return call("POST", "/_server/Returns/ValueLater", []);
    },
    valueLaterCheaply() {
        return call("POST", "/_server/Returns/ValueLaterCheaply", []);
    },
    result() {
        return call("POST", "/_server/Returns/Result", []);
    },
    resultLater() {
        return call("POST", "/_server/Returns/ResultLater", []);
    },
    typedResult() {
        return call("POST", "/_server/Returns/TypedResult", []);
    },
});
