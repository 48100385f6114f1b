//----- client.d.ts
export declare const Admin: {
    /** POST /_server/Admin/Users */
    users(options?: ServerFunctionCallOptions): Promise<number>;
};

export declare const MonthlyReports: {
    /** POST /_server/MonthlyReports/Totals */
    totals(options?: ServerFunctionCallOptions): Promise<number>;
};
//----- client.js
const Admin$ = Object.freeze({
    users(options) {
        return $call("POST", "/_server/Admin/Users", [], options);
    },
});
export { Admin$ as Admin };

const MonthlyReports$ = Object.freeze({
    totals(options) {
        return $call("POST", "/_server/MonthlyReports/Totals", [], options);
    },
});
export { MonthlyReports$ as MonthlyReports };
