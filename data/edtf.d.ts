/** The part of the untyped `edtf` package (EDTF / ISO 8601-2 parser) the data checks use. */
declare module "edtf" {
  interface ExtDate {
    /** Epoch milliseconds of the earliest instant the date can mean (-Infinity when open). */
    readonly min: number;
    /** Epoch milliseconds of the latest instant the date can mean (Infinity when open). */
    readonly max: number;
    readonly type: string;
    toEDTF(): string;
  }
  export default function edtf(text: string): ExtDate;
}
