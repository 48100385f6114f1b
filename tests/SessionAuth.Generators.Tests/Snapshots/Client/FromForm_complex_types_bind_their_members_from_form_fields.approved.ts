//----- client.d.ts
export type Color = 0 | 1;
export declare const Color: {
    readonly Red: 0;
    readonly Green: 1;
};

export declare const Forms: {
    /** POST /_server/Forms/Save */
    save(id: number, name: string | null, color: Color, count: number | undefined, note: string | null | undefined, day: string | null | undefined, label: string, version: number, options?: ServerFunctionCallOptions): Promise<string>;
};
//----- client.js
const Color$ = Object.freeze({
    Red: 0,
    Green: 1,
});
export { Color$ as Color };

const Forms$ = Object.freeze({
    save(id, name, color, count, note, day, label, version, options) {
        return $call("POST", "/_server/Forms/Save", [["form", "Id", id], ["form", "Name", name], ["form", "Color", color], ["form", "Count", count], ["form", "Note", note], ["form", "Day", day], ["form", "Label", label], ["form", "version", version]], options);
    },
});
export { Forms$ as Forms };
