//----- client.d.ts
export declare const Admin_Reports: {
    /** POST /_server/Admin.Reports/Totals */
    totals(options?: ServerFunctionCallOptions): Promise<number>;
};
//----- client.js
const Admin_Reports$ = Object.freeze({
    totals(options) {
        return $call("POST", "/_server/Admin.Reports/Totals", [], options);
    },
});
export { Admin_Reports$ as Admin_Reports };
