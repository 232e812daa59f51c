-- Fills the K2 tables of schema.sql with @ITEMS@ items (run.sh puts the number in), made by MariaDB's
-- sequence engine (seq_1_to_N) in a few statements: ten authors, twenty categories in two levels, fifty
-- tags (two an item), three extra fields, a comment on every fifth item and a second on every tenth.
-- Half the items are Arabic (ar-AA), four in ten English (en-GB), one in ten "*" written in Arabic; one in
-- twenty is unpublished, one in fifty trashed, one in a hundred expired. Bodies are about 1 KB of HTML.

INSERT INTO jos_users (id, name, username, email, password, params)
SELECT seq, CONCAT('كاتب ', seq), CONCAT('writer', seq), CONCAT('writer', seq, '@example.org'), '', '{}' FROM seq_1_to_10;

INSERT INTO jos_k2_extra_fields (id, name, value, type, `group`, published, ordering) VALUES
  (1, 'Source', '[]', 'textfield', 1, 1, 1), (2, 'City', '[]', 'textfield', 1, 1, 2), (3, 'reference_number', '[]', 'textfield', 1, 1, 3);

INSERT INTO jos_k2_categories (id, name, alias, description, parent, extraFieldsGroup, published, access, image, params, plugins, language)
SELECT seq, IF(seq % 2 = 0, CONCAT('تصنيف ', seq), CONCAT('Category ', seq)), CONCAT('category-', seq), '',
       IF(seq > 5, 1 + seq % 5, 0), 1, 1, 1, '', '{}', '', IF(seq % 2 = 0, 'ar-AA', 'en-GB')
FROM seq_1_to_20;

INSERT INTO jos_k2_tags (id, name, published) SELECT seq, CONCAT('وسم', seq), 1 FROM seq_1_to_50;

INSERT INTO jos_k2_items (id, title, alias, catid, published, introtext, `fulltext`, extra_fields, extra_fields_search,
  created, created_by, created_by_alias, checked_out, checked_out_time, modified, publish_up, publish_down, trash, access,
  featured, image_caption, image_credits, video_caption, video_credits, hits, params, metadesc, metadata, metakey, plugins, language)
SELECT seq,
  IF(english, CONCAT('Ministry opens health centre number ', seq), CONCAT('الوزارة تفتتح المركز الصحي رقم ', seq)),
  CONCAT('item-', seq), 1 + seq % 20, IF(seq % 20 = 7, 0, 1),
  IF(english, CONCAT('<p>The ministry opened <strong>health centre ', seq, '</strong> today in the presence of local officials.</p>'),
              CONCAT('<p>افتتحت الوزارة اليوم <strong>المركز الصحي ', seq, '</strong> بحضور المسؤولين المحليين.</p>')),
  IF(english,
     REPEAT('<p>The centre serves the whole district with family medicine, vaccination, maternal care and a pharmacy open every day of the week. Appointments are made by telephone or online.</p>\n', 3),
     REPEAT('<p>يخدم المركز سكان الحي كله بطب الأسرة والتطعيم ورعاية الأمومة وصيدلية تعمل طوال أيام الأسبوع، وتحجز المواعيد بالهاتف أو عبر الموقع الإلكتروني للوزارة.</p>\n', 4)),
  CONCAT('[{"id":"1","value":"وكالة الأنباء"},{"id":"2","value":"', IF(english, 'Riyadh', 'الرياض'), '"}]'), '',
  at, 1 + seq % 10, '', 0, '0000-00-00 00:00:00', at, at,
  IF(seq % 100 = 3, '2021-01-01 00:00:00', '0000-00-00 00:00:00'), IF(seq % 50 = 1, 1, 0), 1, IF(seq % 25 = 0, 1, 0),
  '', '', '', '', 0, '{}', '', '', '', '', IF(seq % 10 = 9, '*', IF(english, 'en-GB', 'ar-AA'))
FROM (SELECT seq, seq % 10 BETWEEN 5 AND 8 AS english, TIMESTAMP('2015-01-01 06:00:00') + INTERVAL seq * 25 MINUTE AS at
      FROM seq_1_to_@ITEMS@) generated;

INSERT INTO jos_k2_tags_xref (tagID, itemID)
SELECT 1 + seq % 50, seq FROM seq_1_to_@ITEMS@
UNION ALL SELECT 1 + (seq * 7 + 3) % 50, seq FROM seq_1_to_@ITEMS@;

INSERT INTO jos_k2_comments (itemID, userID, userName, commentDate, commentText, commentEmail, commentURL, published)
SELECT seq, 0, IF(seq % 2 = 0, 'قارئ', 'Reader'), TIMESTAMP('2015-01-02 06:00:00') + INTERVAL seq * 25 MINUTE,
       IF(seq % 2 = 0, 'شكرا على هذا الخبر المفيد', 'Thank you for the news'), 'reader@example.org', '', IF(seq % 15 = 0, 0, 1)
FROM seq_1_to_@ITEMS@ WHERE seq % 5 = 0
UNION ALL
SELECT seq, 0, 'Second reader', TIMESTAMP('2015-01-03 06:00:00') + INTERVAL seq * 25 MINUTE, 'When does it open on Fridays?',
       'second@example.org', '', 1
FROM seq_1_to_@ITEMS@ WHERE seq % 10 = 0;
