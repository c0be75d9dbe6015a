/**
 * Timeline play
 * =============
 * The play button's sweep: a window of years that slides along the timeline's scale until it
 * reaches 2021. The window moves in slider steps of the compressed scale, so it crosses the
 * centuries before 1500 quickly and slows down where the article's story is dense. The frames
 * are computed up front (pure, tested in node); `createSweep` only plays them on a timer.
 */
import { COMPRESS_BEFORE, SLIDER_STEPS, sliderToYear, yearToSlider } from "./timelineScale.ts";

/** How far the window moves per frame (slider steps), how often, and its width with no range. */
export const PLAY_STEP = 6;
export const PLAY_INTERVAL_MS = 300;
export const PLAY_DEFAULT_WIDTH = 70;

/** The windows [from, to] of a sweep that starts at the current range (or at 1500 without one). */
export function sweepFrames(from: number | undefined, to: number | undefined): [number, number][] {
  let start = yearToSlider(from ?? COMPRESS_BEFORE);
  let width = to === undefined ? PLAY_DEFAULT_WIDTH : yearToSlider(to) - start;
  if (width <= 0 || width > SLIDER_STEPS / 2) width = PLAY_DEFAULT_WIDTH;
  if (start + width >= SLIDER_STEPS) start = yearToSlider(COMPRESS_BEFORE);
  const frames: [number, number][] = [];
  for (;;) {
    const end = Math.min(SLIDER_STEPS, start + width);
    frames.push([sliderToYear(start), sliderToYear(end)]);
    if (end >= SLIDER_STEPS) return frames;
    start += PLAY_STEP;
  }
}

export interface Sweep {
  readonly playing: boolean;
  play(from: number | undefined, to: number | undefined): void;
  /** Stops a running sweep (and reports it through onStop); does nothing when none runs. */
  stop(): void;
}

export function createSweep(handlers: {
  frame(from: number, to: number): void;
  onStop(): void;
  onPlaying(playing: boolean): void;
}): Sweep {
  let timer: ReturnType<typeof setInterval> | undefined;
  const sweep: Sweep = {
    get playing() {
      return timer !== undefined;
    },
    play(from, to) {
      sweep.stop();
      const frames = sweepFrames(from, to);
      let index = 0;
      handlers.onPlaying(true);
      const tick = () => {
        const frame = frames[index++];
        if (frame) handlers.frame(frame[0], frame[1]);
        if (index >= frames.length) sweep.stop();
      };
      timer = setInterval(tick, PLAY_INTERVAL_MS);
      tick();
    },
    stop() {
      if (timer === undefined) return;
      clearInterval(timer);
      timer = undefined;
      handlers.onPlaying(false);
      handlers.onStop();
    },
  };
  return sweep;
}
