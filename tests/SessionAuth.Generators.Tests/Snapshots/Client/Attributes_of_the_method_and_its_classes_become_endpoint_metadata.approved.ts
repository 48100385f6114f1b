//----- client.d.ts
export declare const Admin_Reports: {
    /** POST /_server/Admin.Reports/Totals */
    totals(): Promise<number>;
};
//----- client.js
const Admin_Reports$ = Object.freeze({
    totals() {
        return $call("POST", "/_server/Admin.Reports/Totals", []);
    },
});
export { Admin_Reports$ as Admin_Reports };
