import type { Generated, GeneratedTimestamp, Json } from '../../db/schema.ts';
import type { MultiPolygon, Polygon } from 'geojson';

export interface FocusAreasTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string;
  color: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  updated_at: GeneratedTimestamp;
}

export interface CategoriesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string;
  description: Generated<string>;
  focus_area_id: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  updated_at: GeneratedTimestamp;
}

export interface AreasTable {
  id: Generated<string>;
  code: string;
  name: string;
  geometry: Json<Polygon | MultiPolygon>;
  approximate: Generated<boolean>;
  source: Generated<string>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export interface PlacesTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  area_id: string | null;
  approximate: Generated<boolean>;
  source: Generated<string>;
  active: Generated<boolean>;
  updated_at: GeneratedTimestamp;
}

export interface ReferenceTables {
  focus_areas: FocusAreasTable;
  categories: CategoriesTable;
  areas: AreasTable;
  places: PlacesTable;
}
