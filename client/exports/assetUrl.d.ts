/** Vite's `?url` imports: the asset's URL in the built page (here: the PDF font files). */
declare module "*?url" {
  const url: string;
  export default url;
}
