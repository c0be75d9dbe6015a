/**
 * Palette
 * =======
 * Colours for node kinds and edge relation kinds, from the Okabe–Ito palette so the classes stay
 * apart for readers with the common colour-vision deficiencies, on screen and on a projector.
 */
import type { NodeKind, RelationKind } from "../../contract/api.ts";

export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  grey: "#999999",
  black: "#000000",
} as const;


export const NODE_KIND_LABEL: Record<NodeKind, string> = {
  actor: "Actor",
  period: "Period",
  treaty: "Treaty",
  event: "Event",
  threat: "Threat",
  place: "Place",
  source: "Source",
  other: "Other",
};

export const NODE_COLOR: Record<NodeKind, string> = {
  actor: OKABE_ITO.blue,
  period: OKABE_ITO.yellow,
  treaty: OKABE_ITO.bluishGreen,
  event: OKABE_ITO.orange,
  threat: OKABE_ITO.vermillion,
  place: OKABE_ITO.skyBlue,
  source: OKABE_ITO.reddishPurple,
  other: OKABE_ITO.grey,
};

/**
 * The colour of a class outside Caspian's ontology (kind "other"): a hue from the class IRI, so
 * the same class has the same colour in every view and session; saturation and lightness stay
 * in a band that reads on both themes and away from the kinds' grey.
 */
export function classColor(classIri: string): string {
  let hash = 2166136261;
  for (let i = 0; i < classIri.length; i++) hash = Math.imul(hash ^ classIri.charCodeAt(i), 16777619);
  const hue = (hash >>> 0) % 360;
  return hslToHex(hue, 0.65, 0.5);
}

/**
 * An HSL colour as #rrggbb. sigma's WebGL programs parse only hex, rgb() and names: an hsl()
 * string reaches them as black, so every colour the explorer hands sigma is hex.
 */
export function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(255 * value).toString(16).padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** A node's colour: its kind's, or for a foreign class (kind "other") the class's own. */
export function nodeColor(kind: NodeKind, classIri: string | undefined): string {
  return kind === "other" && classIri ? classColor(classIri) : (NODE_COLOR[kind] ?? NODE_COLOR.other);
}

export const RELATION_LABEL: Record<RelationKind, string> = {
  alliance: "Alliance / cooperation",
  rivalry: "Rivalry",
  threat: "Threat",
  war: "War",
  treatyParty: "Party to treaty",
  thirdParty: "Third-party role",
  role: "Role in event",
  place: "Place",
  time: "Time / period",
  citation: "Citation",
  other: "Other",
};

/**
 * Edge colour and line type by relation kind. Conflict relations are drawn in the warm colours
 * and as arrows; structural ones (place, time, citation) stay grey so the story stands out.
 */
export const RELATION_STYLE: Record<RelationKind, { color: string; type: "arrow" | "line"; size: number }> = {
  alliance: { color: OKABE_ITO.bluishGreen, type: "line", size: 2 },
  rivalry: { color: OKABE_ITO.orange, type: "line", size: 2 },
  threat: { color: OKABE_ITO.vermillion, type: "arrow", size: 2 },
  war: { color: OKABE_ITO.reddishPurple, type: "arrow", size: 2.5 },
  treatyParty: { color: OKABE_ITO.blue, type: "line", size: 1.5 },
  thirdParty: { color: OKABE_ITO.skyBlue, type: "arrow", size: 1.5 },
  role: { color: "#8c8c8c", type: "arrow", size: 1 },
  place: { color: "#b5b5b5", type: "line", size: 0.8 },
  time: { color: "#c8c8a0", type: "line", size: 0.8 },
  citation: { color: "#c4a5b8", type: "line", size: 0.6 },
  other: { color: "#aaaaaa", type: "line", size: 0.8 },
};
