//----- client.d.ts
export declare const Account: {
    /** POST /_server/Account/Login */
    login(name: string, options?: ServerFunctionCallOptions): Promise<void>;
    /** POST /_server/Account/Logout */
    logout(options?: ServerFunctionCallOptions): Promise<void>;
};
//----- client.js
const Account$ = Object.freeze({
    login(name, options) {
        return $call("POST", "/_server/Account/Login", [["json", "name", name]], options);
    },
    logout(options) {
        return $call("POST", "/_server/Account/Logout", [], options);
    },
});
export { Account$ as Account };
