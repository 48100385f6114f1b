//----- client.d.ts
export declare const Clashes: {
    /** POST /_server/Clashes/Echo */
    echo(session: string, result: string, arguments_: number, class_: string, sessionBinding: string, options?: ServerFunctionCallOptions): Promise<string>;
};

export declare const Targets: {
    /** POST /_server/Targets/Echo */
    echo(target: string, group: string, services: number, event: string, options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Clashes$ = Object.freeze({
    echo(session, result, arguments_, class_, sessionBinding, options) {
        return $call("POST", "/_server/Clashes/Echo", [["json", "session", session], ["json", "result", result], ["json", "arguments", arguments_], ["json", "class", class_], ["json", "sessionBinding", sessionBinding]], options);
    },
});
export { Clashes$ as Clashes };

const Targets$ = Object.freeze({
    echo(target, group, services, event, options) {
        return $call("POST", "/_server/Targets/Echo", [["json", "target", target], ["json", "group", group], ["json", "services", services], ["json", "event", event]], options);
    },
});
export { Targets$ as Targets };
