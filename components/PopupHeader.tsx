interface Props {
  title: string;
  tagline: string;
}

export function PopupHeader({ title, tagline }: Props) {
  return (
    <header class="popup-header">
      <h1>{title}</h1>
      <p>{tagline}</p>
    </header>
  );
}
