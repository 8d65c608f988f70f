import { CircleMarker, Popup } from 'react-leaflet';
import { Link } from 'react-router';
import type { ReportView } from '../../../contracts/reports.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useFocusColours } from '../../shared/reference.ts';

/** Reports as dots coloured by focus area. */
export function ReportMarkers({ items }: { items: ReportView[] }) {
  const colours = useFocusColours();
  return (
    <>
      {items.map((r) => (
        <CircleMarker
          key={r.id}
          center={[r.location.lat, r.location.lon]}
          radius={5}
          pathOptions={{
            color: '#fff',
            weight: 1,
            fillColor: colours.get(r.focusAreaCode) ?? '#444',
            fillOpacity: 0.9,
          }}
        >
          <Popup>
            <strong>{r.categoryName}</strong>
            <br />
            {formatDateTime(r.occurredAt)} · {r.areaName}
            <br />
            <Link to={`/rapporter/${r.id}`}>#{r.number}</Link>
          </Popup>
        </CircleMarker>
      ))}
    </>
  );
}
