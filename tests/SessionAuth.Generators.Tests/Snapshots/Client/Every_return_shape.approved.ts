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
    /** POST /_server/Returns/ValueOrNothing */
    valueOrNothing(): Promise<string | undefined>;
    /** POST /_server/Returns/OneOfTwoValues */
    oneOfTwoValues(): Promise<string | number[]>;
    /** POST /_server/Returns/CreatedOrAccepted */
    createdOrAccepted(): Promise<string[] | number | null>;
    /** POST /_server/Returns/NoValueEitherWay */
    noValueEitherWay(): Promise<void>;
    /** POST /_server/Returns/OnlyRefusals */
    onlyRefusals(): Promise<never>;
    /** POST /_server/Returns/OkWithoutValue */
    okWithoutValue(): Promise<void>;
    /** POST /_server/Returns/CreatedValue */
    createdValue(): Promise<string>;
    /** POST /_server/Returns/JsonValue */
    jsonValue(): Promise<unknown>;
    /** POST /_server/Returns/Text */
    text(): Promise<string>;
    /** POST /_server/Returns/ValueOrFile */
    valueOrFile(): Promise<unknown>;
};
//----- client.js
const Returns$ = Object.freeze({
    nothing() {
        return $call("POST", "/_server/Returns/Nothing", []);
    },
    nothingLater() {
        return $call("POST", "/_server/Returns/NothingLater", []);
    },
    nothingLaterCheaply() {
        return $call("POST", "/_server/Returns/NothingLaterCheaply", []);
    },
    value() {
        return $call("POST", "/_server/Returns/Value", []);
    },
    valueLater() {
        return $call("POST", "/_server/Returns/ValueLater", [], null);
    },
    valueLaterCheaply() {
        return $call("POST", "/_server/Returns/ValueLaterCheaply", []);
    },
    result() {
        return $call("POST", "/_server/Returns/Result", []);
    },
    resultLater() {
        return $call("POST", "/_server/Returns/ResultLater", []);
    },
    typedResult() {
        return $call("POST", "/_server/Returns/TypedResult", []);
    },
    valueOrNothing() {
        return $call("POST", "/_server/Returns/ValueOrNothing", []);
    },
    oneOfTwoValues() {
        return $call("POST", "/_server/Returns/OneOfTwoValues", []);
    },
    createdOrAccepted() {
        return $call("POST", "/_server/Returns/CreatedOrAccepted", [], null);
    },
    noValueEitherWay() {
        return $call("POST", "/_server/Returns/NoValueEitherWay", []);
    },
    onlyRefusals() {
        return $call("POST", "/_server/Returns/OnlyRefusals", []);
    },
    okWithoutValue() {
        return $call("POST", "/_server/Returns/OkWithoutValue", []);
    },
    createdValue() {
        return $call("POST", "/_server/Returns/CreatedValue", []);
    },
    jsonValue() {
        return $call("POST", "/_server/Returns/JsonValue", []);
    },
    text() {
        return $call("POST", "/_server/Returns/Text", []);
    },
    valueOrFile() {
        return $call("POST", "/_server/Returns/ValueOrFile", []);
    },
});
export { Returns$ as Returns };
