//----- client.d.ts
export declare const Admin_Reports: {
    /** POST /_server/Admin.Reports/Daily */
    daily(): Promise<number>;
};

export declare const Greeter: {
    /** GET /_server/Greeter/Hello */
    hello(name: string): Promise<string>;
};
//----- client.js
const Admin_Reports$ = Object.freeze({
    daily() {
        return $call("POST", "/_server/Admin.Reports/Daily", []);
    },
});
export { Admin_Reports$ as Admin_Reports };

const Greeter$ = Object.freeze({
    hello(name) {
        return $call("GET", "/_server/Greeter/Hello", [["query", "name", name]]);
    },
});
export { Greeter$ as Greeter };
