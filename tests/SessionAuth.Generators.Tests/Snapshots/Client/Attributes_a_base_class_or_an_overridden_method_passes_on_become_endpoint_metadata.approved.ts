//----- client.d.ts
export declare const Admin: {
    /** POST /_server/Admin/Users */
    users(): Promise<number>;
};

export declare const MonthlyReports: {
    /** POST /_server/MonthlyReports/Totals */
    totals(): Promise<number>;
};
//----- client.js
const Admin$ = Object.freeze({
    users() {
        return $call("POST", "/_server/Admin/Users", []);
    },
});
export { Admin$ as Admin };

const MonthlyReports$ = Object.freeze({
    totals() {
        return $call("POST", "/_server/MonthlyReports/Totals", []);
    },
});
export { MonthlyReports$ as MonthlyReports };
