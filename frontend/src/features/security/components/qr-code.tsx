import { toString as qrToSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The QR code of an otpauth:// URI as an SVG image. SVG needs no canvas, so it renders the same
 * in every browser and in tests; the alt text says what it is for, the secret is shown beside it.
 */
export function QrCode({ value, alt }: { value: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    qrToSvg(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((svg) => {
        if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (current) setSrc(null);
      });
    return () => {
      current = false;
    };
  }, [value]);

  if (!src) return null;
  return <img src={src} alt={alt} width={200} height={200} className="kc-qr" />;
}
