export declare const PG_CLIENT_OUTPUT: string;
export declare function derivePostgresSchema(sqliteSchema: string): string;
export declare function modelsOnly(schema: string): string;
