//----- client.d.ts
export declare const Admin_Reports: {
    /** POST /_server/Admin.Reports/Daily */
    daily(options?: ServerFunctionCallOptions): Promise<number>;
};

export declare const Greeter: {
    /** GET /_server/Greeter/Hello */
    hello(name: string, options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Admin_Reports$ = Object.freeze({
    daily(options) {
        return $call("POST", "/_server/Admin.Reports/Daily", [], options);
    },
});
export { Admin_Reports$ as Admin_Reports };

const Greeter$ = Object.freeze({
    hello(name, options) {
        return $call("GET", "/_server/Greeter/Hello", [["query", "name", name]], options);
    },
});
export { Greeter$ as Greeter };
