import { describe, expect, it } from 'vitest';
import { metresBetween, nearestPlace } from './nearest-place.ts';

const skogasC = { code: 'skogas-c', lat: 59.219357, lon: 18.153572 };
const flemingsbergC = { code: 'flemingsberg-c', lat: 59.219261, lon: 17.947842 };

describe('nearest named place', () => {
  it('measures metres like a great-circle distance at this latitude', () => {
    // One thousandth of a degree of latitude is about 111 m; Skogås C to Flemingsberg C about 11.7 km.
    expect(metresBetween({ lat: 59.219, lon: 18.15 }, { lat: 59.22, lon: 18.15 })).toBeCloseTo(111.2, 0);
    expect(metresBetween(skogasC, flemingsbergC) / 1000).toBeCloseTo(11.7, 1);
  });

  it('names the nearest place within reach, and none beyond', () => {
    const places = [flemingsbergC, skogasC];
    expect(nearestPlace({ lat: 59.2199, lon: 18.1538 }, places, 250)?.code).toBe('skogas-c');
    expect(nearestPlace({ lat: 59.23, lon: 18.1538 }, places, 250)).toBeUndefined();
  });
});
