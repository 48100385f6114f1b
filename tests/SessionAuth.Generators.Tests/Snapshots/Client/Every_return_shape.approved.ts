//----- client.d.ts
export declare const Returns: {
    /** POST /_server/Returns/CreatedOrAccepted */
    createdOrAccepted(options?: ServerFunctionCallOptions): Promise<string[] | number | null>;
    /** POST /_server/Returns/CreatedValue */
    createdValue(options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Returns/JsonValue */
    jsonValue(options?: ServerFunctionCallOptions): Promise<unknown>;
    /** POST /_server/Returns/NoValueEitherWay */
    noValueEitherWay(options?: ServerFunctionCallOptions): Promise<void>;
    /** POST /_server/Returns/Nothing */
    nothing(options?: ServerFunctionCallOptions): Promise<void>;
    /** POST /_server/Returns/NothingLater */
    nothingLater(options?: ServerFunctionCallOptions): Promise<void>;
    /** POST /_server/Returns/NothingLaterCheaply */
    nothingLaterCheaply(options?: ServerFunctionCallOptions): Promise<void>;
    /** POST /_server/Returns/OkWithoutValue */
    okWithoutValue(options?: ServerFunctionCallOptions): Promise<void>;
    /** POST /_server/Returns/OneOfTwoValues */
    oneOfTwoValues(options?: ServerFunctionCallOptions): Promise<string | number[]>;
    /** POST /_server/Returns/OnlyRefusals */
    onlyRefusals(options?: ServerFunctionCallOptions): Promise<never>;
    /** POST /_server/Returns/Result */
    result(options?: ServerFunctionCallOptions): Promise<unknown>;
    /** POST /_server/Returns/ResultLater */
    resultLater(options?: ServerFunctionCallOptions): Promise<unknown>;
    /** POST /_server/Returns/Text */
    text(options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Returns/TypedResult */
    typedResult(options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Returns/Value */
    value(options?: ServerFunctionCallOptions): Promise<string[]>;
    /** POST /_server/Returns/ValueLater */
    valueLater(options?: ServerFunctionCallOptions): Promise<number | null>;
    /** POST /_server/Returns/ValueLaterCheaply */
    valueLaterCheaply(options?: ServerFunctionCallOptions): Promise<string>;
    /** POST /_server/Returns/ValueOrFile */
    valueOrFile(options?: ServerFunctionCallOptions): Promise<unknown>;
    /** POST /_server/Returns/ValueOrNothing */
    valueOrNothing(options?: ServerFunctionCallOptions): Promise<string | undefined>;
};
//----- client.js
const Returns$ = Object.freeze({
    createdOrAccepted(options) {
        return $call("POST", "/_server/Returns/CreatedOrAccepted", [], options, "nullable");
    },
    createdValue(options) {
        return $call("POST", "/_server/Returns/CreatedValue", [], options);
    },
    jsonValue(options) {
        return $call("POST", "/_server/Returns/JsonValue", [], options);
    },
    noValueEitherWay(options) {
        return $call("POST", "/_server/Returns/NoValueEitherWay", [], options);
    },
    nothing(options) {
        return $call("POST", "/_server/Returns/Nothing", [], options);
    },
    nothingLater(options) {
        return $call("POST", "/_server/Returns/NothingLater", [], options);
    },
    nothingLaterCheaply(options) {
        return $call("POST", "/_server/Returns/NothingLaterCheaply", [], options);
    },
    okWithoutValue(options) {
        return $call("POST", "/_server/Returns/OkWithoutValue", [], options);
    },
    oneOfTwoValues(options) {
        return $call("POST", "/_server/Returns/OneOfTwoValues", [], options);
    },
    onlyRefusals(options) {
        return $call("POST", "/_server/Returns/OnlyRefusals", [], options);
    },
    result(options) {
        return $call("POST", "/_server/Returns/Result", [], options);
    },
    resultLater(options) {
        return $call("POST", "/_server/Returns/ResultLater", [], options);
    },
    text(options) {
        return $call("POST", "/_server/Returns/Text", [], options, "text");
    },
    typedResult(options) {
        return $call("POST", "/_server/Returns/TypedResult", [], options);
    },
    value(options) {
        return $call("POST", "/_server/Returns/Value", [], options);
    },
    valueLater(options) {
        return $call("POST", "/_server/Returns/ValueLater", [], options, "nullable");
    },
    valueLaterCheaply(options) {
        return $call("POST", "/_server/Returns/ValueLaterCheaply", [], options);
    },
    valueOrFile(options) {
        return $call("POST", "/_server/Returns/ValueOrFile", [], options);
    },
    valueOrNothing(options) {
        return $call("POST", "/_server/Returns/ValueOrNothing", [], options);
    },
});
export { Returns$ as Returns };
