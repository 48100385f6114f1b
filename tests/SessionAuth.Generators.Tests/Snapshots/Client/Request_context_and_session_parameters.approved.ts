//----- client.d.ts
export declare const Account: {
    /** POST /_server/Account/Login */
    login(name: string): Promise<void>;
    /** POST /_server/Account/Logout */
    logout(): Promise<void>;
};
//----- client.js
const Account$ = Object.freeze({
    login(name) {
        return $call("POST", "/_server/Account/Login", [["json", "name", name]]);
    },
    logout() {
        return $call("POST", "/_server/Account/Logout", []);
    },
});
export { Account$ as Account };
