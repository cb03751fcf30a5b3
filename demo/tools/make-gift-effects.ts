/**
 * Draws the demo's full-screen gift effects (type-3 gifts) as Lottie JSON made of shape layers:
 * rocket, fireworks, castle. 720×720, 30 fps, 2.5 s. Deterministic (seeded), so re-running it
 * rewrites identical files.
 *
 *   npx tsx demo/tools/make-gift-effects.ts        → demo/public/gifts/{rocket,fireworks,castle}.json
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composition, ellipse, fill, group, keys, layer, path, rect, star, stroke, type LayerSpec } from './lottie-shapes.ts';
import { seeded } from './seeded-random.ts';

const SIZE = 720;
const FRAMES = 75;
const C = SIZE / 2;

/** Twinkling sparkles scattered over a region, staggered in time. */
function sparkles(
  rand: () => number,
  count: number,
  area: { x: number; y: number; w: number; h: number },
  colors: string[],
  from: number,
  to: number,
): LayerSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const start = Math.round(from + rand() * (to - from - 16));
    const size = 14 + rand() * 16;
    return layer({
      name: `sparkle ${i}`,
      ip: start,
      op: start + 17,
      p: [area.x + rand() * area.w, area.y + rand() * area.h, 0],
      s: keys([
        [start, [0, 0, 100], 'out'],
        [start + 7, [120, 120, 100], 'in'],
        [start + 16, [0, 0, 100]],
      ]),
      r: keys([
        [start, 0, 'linear'],
        [start + 16, 90],
      ]),
      shapes: [group([star([0, 0], 4, size, size * 0.22), fill(colors[i % colors.length] as string)])],
    });
  });
}

function rocket(): object {
  const rand = seeded(7);
  const flicker = keys(Array.from({ length: 16 }, (_, i) => [i * 5, [100, i % 2 ? 78 : 118], 'linear'] as [number, number[], 'linear']));
  const body = layer({
    name: 'rocket',
    p: keys([
      [0, [C, 880, 0], 'out'],
      [22, [C, 470, 0], 'inout'],
      [44, [C, 430, 0], 'in'],
      [FRAMES, [C, -260, 0]],
    ]),
    r: keys([
      [0, -4],
      [14, 4],
      [28, -3],
      [44, 2],
      [FRAMES, 0],
    ]),
    shapes: [
      // Topmost first: window, painted stripe, hull, then fins, nozzle and the flame behind it.
      group([ellipse([0, -38], [44, 44]), stroke('#ffffff', 7), fill('#5ad1ff')]),
      group([rect([0, 22], [86, 14], 4), fill('#ff4d6d')]),
      group([
        path(
          [
            [0, -140],
            [44, -40],
            [44, 74],
            [-44, 74],
            [-44, -40],
          ],
          0.35,
        ),
        fill('#f1f3f8'),
        stroke('#adb5c7', 4),
      ]),
      group([
        path(
          [
            [-30, 10],
            [-86, 86],
            [-82, 104],
            [-30, 70],
          ],
          0.2,
        ),
        fill('#ff4d6d'),
      ]),
      group([
        path(
          [
            [30, 10],
            [86, 86],
            [82, 104],
            [30, 70],
          ],
          0.2,
        ),
        fill('#ff4d6d'),
      ]),
      group([rect([0, 80], [52, 16], 4), fill('#868e96')]),
      group(
        [
          path(
            [
              [-34, 76],
              [34, 76],
              [0, 200],
            ],
            0.6,
          ),
          fill('#ffd166'),
        ],
        { p: [0, 76], a: [0, 76], s: flicker },
      ),
      group(
        [
          path(
            [
              [-46, 72],
              [46, 72],
              [0, 250],
            ],
            0.6,
          ),
          fill('#ff7b00', 90),
        ],
        { p: [0, 72], a: [0, 72], s: flicker },
      ),
    ],
  });
  // Smoke puffs left behind where the flame was, growing and fading.
  const puffs = Array.from({ length: 10 }, (_, i) => {
    const t = 2 + i * 6;
    const y = t < 22 ? 880 - (410 * t) / 22 + 200 : t < 44 ? 670 - ((t - 22) * 40) / 22 : 630 - ((t - 44) * 690) / 31;
    const x = C + (rand() - 0.5) * 60;
    return layer({
      name: `puff ${i}`,
      ip: t,
      op: Math.min(FRAMES, t + 30),
      p: [x, y, 0],
      o: keys([
        [t, 85, 'linear'],
        [t + 28, 0],
      ]),
      s: keys([
        [t, [30, 30, 100], 'out'],
        [t + 28, [170, 170, 100]],
      ]),
      shapes: [group([ellipse([0, 0], [90, 90]), fill(i % 2 ? '#e9ecef' : '#ced4da')])],
    });
  });
  const stars = sparkles(rand, 14, { x: 40, y: 40, w: 640, h: 640 }, ['#ffffff', '#ffe066', '#a5d8ff'], 0, FRAMES);
  return composition('Super Rocket', SIZE, FRAMES, [body, ...puffs, ...stars]);
}

function fireworks(): object {
  const rand = seeded(11);
  const bursts = [
    { x: 220, y: 250, t: 10, colors: ['#ffd43b', '#ff922b'], n: 16, r: 170 },
    { x: 510, y: 200, t: 24, colors: ['#f783ac', '#da77f2'], n: 16, r: 160 },
    { x: 370, y: 400, t: 38, colors: ['#66d9e8', '#ffffff'], n: 18, r: 190 },
  ];
  const layers: LayerSpec[] = [];
  for (const [bi, b] of bursts.entries()) {
    const rise = b.t - 10;
    layers.push(
      layer({
        name: `trail ${bi}`,
        ip: Math.max(0, rise),
        op: b.t + 1,
        p: keys([
          [rise, [b.x + 20, 760, 0], 'out'],
          [b.t, [b.x, b.y, 0]],
        ]),
        shapes: [group([ellipse([0, 0], [12, 12]), fill('#fff3bf')]), group([rect([0, 30], [4, 60], 2), fill('#ffe8cc', 60)])],
      }),
      layer({
        name: `flash ${bi}`,
        ip: b.t,
        op: b.t + 7,
        p: [b.x, b.y, 0],
        s: keys([
          [b.t, [10, 10, 100], 'out'],
          [b.t + 6, [150, 150, 100]],
        ]),
        o: keys([
          [b.t, 100, 'in'],
          [b.t + 6, 0],
        ]),
        shapes: [group([ellipse([0, 0], [80, 80]), fill('#fffbe6')])],
      }),
    );
    // Two rings of sparks flying out and sagging under gravity; the layer fades as a whole.
    const sparks = [];
    for (const [ring, share] of [
      [0, 1],
      [1, 0.55],
    ] as const) {
      const count = ring === 0 ? b.n : Math.round(b.n * 0.5);
      for (let i = 0; i < count; i++) {
        const a = (i / count) * Math.PI * 2 + rand() * 0.2 + ring * 0.3;
        const dist = b.r * share * (0.85 + rand() * 0.3);
        const ex = Math.cos(a) * dist;
        const ey = Math.sin(a) * dist;
        sparks.push(
          // A streak pointing away from the centre reads as motion even in a still frame.
          group([ellipse([0, 0], ring === 0 ? [12, 34] : [9, 22]), fill(b.colors[ring] as string)], {
            p: keys([
              [b.t, [0, 0], 'out'],
              [b.t + 18, [ex, ey], 'in'],
              [b.t + 36, [ex * 1.08, ey * 1.08 + 60]],
            ]),
            r: Math.round((a * 180) / Math.PI + 90),
          }),
        );
      }
    }
    layers.push(
      layer({
        name: `burst ${bi}`,
        ip: b.t,
        op: Math.min(FRAMES, b.t + 37),
        p: [b.x, b.y, 0],
        o: keys([
          [b.t + 16, 100, 'linear'],
          [b.t + 36, 0],
        ]),
        s: keys([
          [b.t + 14, [100, 100, 100], 'in'],
          [b.t + 36, [70, 70, 100]],
        ]),
        shapes: sparks,
      }),
    );
  }
  const glitter = sparkles(rand, 12, { x: 80, y: 80, w: 560, h: 420 }, ['#ffffff', '#ffe066'], 18, FRAMES);
  return composition('Fireworks', SIZE, FRAMES, [...layers, ...glitter]);
}

function castle(): object {
  const rand = seeded(23);
  const stone = '#f1e3c8';
  const shade = '#d9c29b';
  const roof = '#7048e8';
  const crenels = (cx: number, top: number, width: number, n: number) =>
    Array.from({ length: n }, (_, i) => rect([cx - width / 2 + (width / n) * (i + 0.5), top - 10], [width / n - 8, 20], 2));
  const tower = (cx: number, top: number, w: number, h: number) => [
    group([
      path(
        [
          [cx - w / 2 - 8, top],
          [cx + w / 2 + 8, top],
          [cx, top - w * 1.25],
        ],
        0.05,
      ),
      fill(roof),
    ]),
    group([
      path(
        [
          [cx, top - w * 1.25],
          [cx, top - w * 1.25 - 44],
        ],
        0,
        false,
      ),
      stroke('#495057', 4),
    ]),
    group([
      path(
        [
          [cx, top - w * 1.25 - 44],
          [cx + 34, top - w * 1.25 - 34],
          [cx, top - w * 1.25 - 24],
        ],
        0.1,
      ),
      fill('#fa5252'),
    ]),
    group([rect([cx, top + 50], [18, 30], 9), fill('#ffd43b')]),
    group([rect([cx, top + h / 2], [w, h], 4), fill(shade)]),
  ];
  const building = layer({
    name: 'castle',
    p: [C, 600, 0],
    s: keys([
      [0, [0, 0, 100], 'out'],
      [16, [112, 112, 100], 'inout'],
      [24, [100, 100, 100], 'hold'],
      [60, [100, 100, 100], 'in'],
      [FRAMES, [90, 90, 100]],
    ]),
    o: keys([
      [0, 0, 'out'],
      [8, 100, 'hold'],
      [62, 100, 'linear'],
      [FRAMES, 0],
    ]),
    shapes: [
      // Gate and windows on top of the walls, then towers, keep, and the long wall at the back.
      group([
        path(
          [
            [-40, 0],
            [-40, -70],
            [0, -104],
            [40, -70],
            [40, 0],
          ],
          0.25,
        ),
        fill('#5c3d2e'),
      ]),
      group([rect([-90, -110], [22, 34], 11), rect([90, -110], [22, 34], 11), fill('#ffd43b')]),
      ...tower(-180, -230, 90, 230),
      ...tower(180, -230, 90, 230),
      ...tower(0, -330, 120, 200),
      group([...crenels(0, -170, 250, 6), fill(stone)]),
      group([rect([0, -85], [270, 170], 6), fill(stone)]),
    ],
  });
  const rays = layer({
    name: 'rays',
    p: [C, 420, 0],
    r: keys([
      [0, 0, 'linear'],
      [FRAMES, 60],
    ]),
    o: keys([
      [0, 0, 'out'],
      [14, 40, 'hold'],
      [60, 40, 'linear'],
      [FRAMES, 0],
    ]),
    s: keys([
      [0, [30, 30, 100], 'out'],
      [20, [100, 100, 100]],
    ]),
    shapes: [
      group([
        ...Array.from({ length: 12 }, (_, i) => {
          const a = (i / 12) * Math.PI * 2;
          const b = a + 0.13;
          return path([
            [0, 0],
            [Math.cos(a) * 420, Math.sin(a) * 420],
            [Math.cos(b) * 420, Math.sin(b) * 420],
          ]);
        }),
        fill('#fff3bf'),
      ]),
    ],
  });
  const glow = layer({
    name: 'glow',
    p: [C, 600, 0],
    s: keys([
      [0, [0, 0, 100], 'out'],
      [18, [100, 100, 100]],
    ]),
    shapes: [group([ellipse([0, 0], [560, 90]), fill('#b197fc', 60)])],
  });
  const twinkles = sparkles(rand, 18, { x: 90, y: 90, w: 540, h: 470 }, ['#ffffff', '#ffe066', '#d0bfff'], 12, FRAMES);
  return composition('Castle', SIZE, FRAMES, [...twinkles, building, glow, rays]);
}

const outDir = new URL('../public/gifts/', import.meta.url);
for (const [name, make] of [
  ['rocket', rocket],
  ['fireworks', fireworks],
  ['castle', castle],
] as const) {
  const json = JSON.stringify(make());
  writeFileSync(fileURLToPath(new URL(`${name}.json`, outDir)), json + '\n');
  process.stdout.write(`${name}.json ${json.length} bytes\n`);
}
