/** 主题: the topic services a pair belongs to; none ticked lets the shared classifier choose from the text. */
export function TopicChecks({ topics }: { topics: Array<{ code: string; name: string }> }) {
  if (topics.length === 0) return null;
  return (
    <fieldset className="checks field">
      <legend>所属主题（不选则按内容自动归类）</legend>
      {topics.map((t) => (
        <label key={t.code}>
          <input type="checkbox" name="topics" value={t.code} /> {t.name}
        </label>
      ))}
    </fieldset>
  );
}
