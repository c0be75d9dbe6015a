/**
 * Node hover drawing
 * ==================
 * sigma's disc hover with the label box in the theme's colours (its default is white, unreadable
 * under light dark-theme labels). Labels go to the canvas as text, never as markup.
 */
import type { NodeHoverDrawingFunction } from "sigma/rendering";

export function makeDrawHover(theme: { background: string; text: string; shadow: string }): NodeHoverDrawingFunction {
  return (context, data, settings) => {
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.fillStyle = theme.background;
    context.shadowOffsetX = 0;
    context.shadowOffsetY = 0;
    context.shadowBlur = 8;
    context.shadowColor = theme.shadow;
    const padding = 3;
    const radius = Math.max(data.size, size / 2) + padding;
    if (typeof data.label === "string" && data.label !== "") {
      const boxWidth = Math.round(context.measureText(data.label).width + 8);
      const boxHeight = Math.round(size + 2 * padding);
      const angle = Math.asin(Math.min(1, boxHeight / 2 / radius));
      const dx = Math.sqrt(Math.abs(radius ** 2 - (boxHeight / 2) ** 2));
      context.beginPath();
      context.moveTo(data.x + dx, data.y + boxHeight / 2);
      context.lineTo(data.x + radius + boxWidth, data.y + boxHeight / 2);
      context.lineTo(data.x + radius + boxWidth, data.y - boxHeight / 2);
      context.lineTo(data.x + dx, data.y - boxHeight / 2);
      context.arc(data.x, data.y, radius, angle, -angle);
      context.closePath();
      context.fill();
      context.shadowBlur = 0;
      context.fillStyle = theme.text;
      context.fillText(data.label, data.x + data.size + 5, data.y + size / 3);
    } else {
      context.beginPath();
      context.arc(data.x, data.y, radius, 0, Math.PI * 2);
      context.closePath();
      context.fill();
      context.shadowBlur = 0;
    }
  };
}
