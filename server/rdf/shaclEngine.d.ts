/**
 * Types for shacl-engine
 * ======================
 * shacl-engine ships no type declarations; these cover the part validateShapes.ts uses
 * (Validator, its report and results). @rdfjs/data-model's factory is typed by @rdfjs/types.
 */
declare module "shacl-engine" {
  import type { DataFactory, DatasetCore, Literal, Term } from "@rdfjs/types";

  /** A grapoi pointer: one or more terms in a dataset. */
  export interface Pointer {
    readonly term: Term;
    readonly terms: Term[];
  }

  export interface PathStep {
    quantifier: "one" | "zeroOrMore" | "oneOrMore" | "zeroOrOne";
    start: "subject" | "object";
    end: "subject" | "object";
    predicates: Term[];
  }

  export interface ValidationResult {
    readonly focusNode: Pointer;
    readonly path: PathStep[] | null | undefined;
    readonly shape: { readonly ptr: Pointer };
    readonly severity: Term;
    readonly message: Literal[];
    readonly value?: Pointer;
    readonly constraintComponent: Term;
  }

  export interface ValidationReport {
    readonly conforms: boolean;
    readonly results: ValidationResult[];
  }

  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory; debug?: boolean; details?: boolean });
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }, shapes?: { terms?: Iterable<Term> }): Promise<ValidationReport>;
  }
}

declare module "@rdfjs/data-model" {
  import type { DataFactory } from "@rdfjs/types";
  const factory: DataFactory;
  export default factory;
}
