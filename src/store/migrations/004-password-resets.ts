import type { Kysely } from 'kysely';
import { refType, type DialectName } from '../dialect.ts';

/** One-time password-reset links: only the SHA-256 of the token is kept, so a leaked table opens nothing. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', refType(dialect), (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
}
