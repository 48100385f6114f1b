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
export const Admin_Reports = Object.freeze({
    daily() {
        return call("POST", "/_server/Admin.Reports/Daily", []);
    },
});

export const Greeter = Object.freeze({
    hello(name) {
        return call("GET", "/_server/Greeter/Hello", [["query", "name", name]]);
    },
});
