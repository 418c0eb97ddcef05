'use client';
import { useEffect, useState } from 'react';

/**
 * Progressive enhancement for the "离我最近" GET form: with JavaScript and a browser that offers
 * geolocation, a button fills the latitude/longitude inputs (WGS-84, as the API wants) and submits.
 * Without JavaScript nothing is rendered and the inputs are typed by hand.
 */
export function LocateButton({ latId, lngId }: { latId: string; lngId: string }) {
  const [supported, setSupported] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => setSupported(typeof navigator !== 'undefined' && 'geolocation' in navigator), []);
  if (!supported) return null;
  const locate = () => {
    setStatus('正在获取您的位置…');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const lat = document.getElementById(latId) as HTMLInputElement | null;
        const lng = document.getElementById(lngId) as HTMLInputElement | null;
        if (!lat || !lng) return;
        lat.value = pos.coords.latitude.toFixed(5);
        lng.value = pos.coords.longitude.toFixed(5);
        setStatus('已填入您的位置，正在查找最近的网点。');
        lat.form?.requestSubmit();
      },
      () => setStatus('无法获取您的位置（可能未授权定位），请手动填写经纬度。'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };
  return (
    <>
      <button type="button" className="button-secondary" onClick={locate}>
        使用我的位置
      </button>
      <p className="hint" role="status">
        {status}
      </p>
    </>
  );
}
