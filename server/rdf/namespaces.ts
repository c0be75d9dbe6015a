/**
 * Namespaces
 * ==========
 * The server's view of contract/namespaces.ts (the one list), so `rdf/` modules keep importing
 * their neighbour.
 */
export { NS, SPARQL_PREFIXES, type Prefix } from "../../contract/namespaces.ts";
