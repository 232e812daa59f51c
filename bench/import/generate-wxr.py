#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of N posts to a file, streaming: Arabic and English posts of a
realistic length with categories (and parents), tags, comments (approved, pending, spam), a few attachments
whose files are written under an uploads folder, and Polylang translation groups (an Arabic post with its
English translation). The same N and seed give the same file. See bench/README.md.

    generate-wxr.py N OUT.xml UPLOADS_DIR [--seed 16]
"""
import argparse
import datetime
import os
import random
import struct
import zlib
from xml.sax.saxutils import escape

AR_WORDS = ("وزارة الصحة أعلنت اليوم عن افتتاح مستشفى جديد في المنطقة الشرقية يضم مئتي سرير ويخدم أكثر من "
            "نصف مليون نسمة وأكد الوزير أن المشروع جزء من خطة وطنية لتحسين الخدمات الصحية وتطوير البنية التحتية "
            "في المحافظات كما أشار إلى توقيع اتفاقية مع الجامعة لتدريب الكوادر الطبية وتحلية المياه والطاقة "
            "المتجددة والتعليم والاقتصاد والتنمية المستدامة والمؤتمر الصحفي والمواطنين والشركاء الدوليين").split()
EN_WORDS = ("the ministry of health announced today the opening of a new hospital in the eastern region with two "
            "hundred beds serving more than half a million people the minister said the project is part of a "
            "national plan to improve services and infrastructure across the provinces and signed an agreement "
            "with the university to train medical staff desalination renewable energy education economy "
            "sustainable development press conference citizens international partners").split()
CATEGORIES = [("news", None, "أخبار"), ("health", "news", "الصحة"), ("economy", "news", "الاقتصاد"),
              ("education", "news", "التعليم"), ("energy", "economy", "الطاقة"), ("water", "energy", "المياه"),
              ("statements", None, "بيانات"), ("events", None, "فعاليات"), ("sport", None, "رياضة"),
              ("culture", None, "ثقافة")]
TAGS = [f"tag-{i}" for i in range(200)]
AUTHORS = [("editor", "Editor", "editor@example.org"), ("amal", "أمل الهاشمي", "amal@example.org"),
           ("omar", "Omar Said", "omar@example.org")]
ATTACHMENT_EVERY = 2000  # a few attachments: one post in 2,000 has a featured image
COMMENT_EVERY = 5        # one post in five has comments


def words(rng, pool, count):
    return " ".join(rng.choice(pool) for _ in range(count))


def sentence(rng, pool):
    text = words(rng, pool, rng.randint(8, 20))
    return text[0].upper() + text[1:] + "." if pool is EN_WORDS else text + "."


def body(rng, pool, image_url=None):
    """About 4 KB of HTML: paragraphs, a heading, a list, a link and a quote, as WordPress's editor writes them."""
    parts = []
    for i in range(rng.randint(4, 8)):
        if i == 2:
            parts.append(f"<!-- wp:heading -->\n<h2>{words(rng, pool, 4)}</h2>\n<!-- /wp:heading -->")
        if i == 4:
            items = "".join(f"<li>{words(rng, pool, 5)}</li>" for _ in range(3))
            parts.append(f"<!-- wp:list -->\n<ul>{items}</ul>\n<!-- /wp:list -->")
        if i == 5:
            parts.append(f"<blockquote><p>{sentence(rng, pool)}</p></blockquote>")
        paragraph = " ".join(sentence(rng, pool) for _ in range(rng.randint(2, 4)))
        if i == 1:
            paragraph += ' <a href="https://example.org/report">' + words(rng, pool, 2) + "</a>"
        parts.append(f"<!-- wp:paragraph -->\n<p>{paragraph}</p>\n<!-- /wp:paragraph -->")
    if image_url:
        parts.append(f'[caption id="" align="aligncenter" width="300"]<img src="{image_url}" alt="" /> {words(rng, pool, 4)}[/caption]')
    return "\n\n".join(parts)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def png(width, height, seed):
    """A small valid PNG of one colour."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    colour = bytes([(seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256])
    raw = b"".join(b"\x00" + colour * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    args = argparse.ArgumentParser()
    args.add_argument("posts", type=int)
    args.add_argument("out")
    args.add_argument("uploads")
    args.add_argument("--seed", type=int, default=16)
    a = args.parse_args()
    rng = random.Random(a.seed)
    base = "https://archive.example.org"
    start = datetime.datetime(2012, 1, 1)
    # Posts are spread over the years before now, one every ~ (span / N); a few are in the future.
    span = (datetime.datetime(2026, 1, 1) - start).total_seconds()
    os.makedirs(os.path.join(a.uploads, "2020", "01"), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", buffering=1 << 20) as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n')
        w(f"<title>Archive</title>\n<link>{base}</link>\n<language>ar</language>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
          f"<wp:base_site_url>{base}</wp:base_site_url>\n<wp:base_blog_url>{base}</wp:base_blog_url>\n")
        for i, (login, name, email) in enumerate(AUTHORS, 1):
            w(f"<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
              f"<wp:author_email>{cdata(email)}</wp:author_email><wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n")
        for i, (slug, parent, name) in enumerate(CATEGORIES, 1):
            w(f"<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename>{slug}</wp:category_nicename>"
              f"<wp:category_parent>{parent or ''}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n")
        for i, slug in enumerate(TAGS, 100):
            w(f"<wp:tag><wp:term_id>{i}</wp:term_id><wp:tag_slug>{slug}</wp:tag_slug><wp:tag_name>{cdata(slug.replace('-', ' '))}</wp:tag_name></wp:tag>\n")
        w('<wp:term><wp:term_id>900</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>ar</wp:term_slug><wp:term_name>العربية</wp:term_name></wp:term>\n'
          '<wp:term><wp:term_id>901</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy><wp:term_slug>en</wp:term_slug><wp:term_name>English</wp:term_name></wp:term>\n')

        post_id = 10
        comment_id = 1
        written = 0
        group = 0
        next_attachment = 100
        while written < a.posts:
            # One post in ten has an English translation (a Polylang group of two).
            translated = rng.random() < 0.1 and written + 2 <= a.posts
            at = start + datetime.timedelta(seconds=span * written / a.posts + rng.randint(0, 3600))
            status = rng.choices(["publish", "draft", "pending", "private", "future"], [94, 3, 1, 1, 1])[0]
            if status == "future":
                at = datetime.datetime(2030, 1, 1) + datetime.timedelta(days=rng.randint(0, 300))
            attachment = None
            if written >= next_attachment:
                next_attachment += ATTACHMENT_EVERY
                attachment = post_id + 1
                name = f"image-{attachment}.png"
                with open(os.path.join(a.uploads, "2020", "01", name), "wb") as image:
                    image.write(png(320, 200, attachment))
            languages = ["ar", "en"] if translated else [rng.choices(["ar", "en"], [7, 3])[0]]
            group_slug = None
            if translated:
                group += 1
                group_slug = f"pll_{group:08x}"
            first = post_id
            ids = [post_id + (1 if attachment else 0) + 1 + k for k in range(len(languages))]
            if attachment:
                w(item(rng, attachment, "attachment", "inherit", at, ids[0], languages[0], None, title=f"image {attachment}",
                       url=f"{base}/wp-content/uploads/2020/01/image-{attachment}.png", file=f"2020/01/image-{attachment}.png"))
            for k, (language, pid) in enumerate(zip(languages, ids)):
                pool = AR_WORDS if language == "ar" else EN_WORDS
                image_url = f"{base}/wp-content/uploads/2020/01/image-{attachment}.png" if attachment else None
                comments = []
                if rng.randrange(COMMENT_EVERY) == 0:
                    for c in range(rng.randint(1, 3)):
                        approved = rng.choices(["1", "0", "spam"], [8, 1, 1])[0]
                        parent = comments[-1][0] if comments and c == 2 else 0
                        comments.append((comment_id, approved, parent))
                        comment_id += 1
                w(item(rng, pid, "post", status, at, 0, language, group_slug, pool=pool, comments=comments,
                       thumbnail=attachment, body_image=image_url))
                written += 1
            post_id = max(ids) + 1
        w("</channel>\n</rss>\n")


def item(rng, pid, kind, status, at, parent, language, group, pool=None, comments=(), thumbnail=None, body_image=None,
         title=None, url="", file=""):
    base = "https://archive.example.org"
    pool = pool or AR_WORDS
    title = title or words(rng, pool, rng.randint(5, 10))
    slug = f"post-{pid}"
    date = at.strftime("%Y-%m-%d %H:%M:%S")
    out = [f"<item><title>{escape(title)}</title><link>{base}/{at:%Y/%m/%d}/{slug}/</link>"
           f"<pubDate>{at:%a, %d %b %Y %H:%M:%S} +0000</pubDate><dc:creator>{cdata(rng.choice(AUTHORS)[0])}</dc:creator>"
           f'<guid isPermaLink="false">{base}/?p={pid}</guid><description></description>']
    if kind == "attachment":
        out.append(f"<content:encoded>{cdata('')}</content:encoded><excerpt:encoded>{cdata('a caption')}</excerpt:encoded>")
    else:
        out.append(f"<content:encoded>{cdata(body(rng, pool, body_image))}</content:encoded>"
                   f"<excerpt:encoded>{cdata(sentence(rng, pool) if rng.random() < 0.5 else '')}</excerpt:encoded>")
    out.append(f"<wp:post_id>{pid}</wp:post_id><wp:post_date>{cdata(date)}</wp:post_date><wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>"
               f"<wp:post_modified>{cdata(date)}</wp:post_modified><wp:post_modified_gmt>{cdata(date)}</wp:post_modified_gmt>"
               f"<wp:comment_status>{cdata('open')}</wp:comment_status><wp:ping_status>{cdata('open')}</wp:ping_status>"
               f"<wp:post_name>{cdata(slug)}</wp:post_name><wp:status>{cdata(status)}</wp:status><wp:post_parent>{parent}</wp:post_parent>"
               f"<wp:menu_order>0</wp:menu_order><wp:post_type>{cdata(kind)}</wp:post_type><wp:post_password>{cdata('')}</wp:post_password>"
               f"<wp:is_sticky>0</wp:is_sticky>")
    if kind == "attachment":
        out.append(f"<wp:attachment_url>{cdata(url)}</wp:attachment_url>"
                   f"<wp:postmeta><wp:meta_key>{cdata('_wp_attached_file')}</wp:meta_key><wp:meta_value>{cdata(file)}</wp:meta_value></wp:postmeta>"
                   f"<wp:postmeta><wp:meta_key>{cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>{cdata('صورة')}</wp:meta_value></wp:postmeta>")
    else:
        for slug_, _, name in rng.sample(CATEGORIES, rng.randint(1, 2)):
            out.append(f'<category domain="category" nicename="{slug_}">{cdata(name)}</category>')
        for tag in rng.sample(TAGS, rng.randint(0, 5)):
            out.append(f'<category domain="post_tag" nicename="{tag}">{cdata(tag.replace("-", " "))}</category>')
        out.append(f'<category domain="language" nicename="{language}">{cdata(language)}</category>')
        if group:
            out.append(f'<category domain="post_translations" nicename="{group}">{cdata(group)}</category>')
        out.append(f"<wp:postmeta><wp:meta_key>{cdata('_edit_last')}</wp:meta_key><wp:meta_value>{cdata('1')}</wp:meta_value></wp:postmeta>")
        if thumbnail:
            out.append(f"<wp:postmeta><wp:meta_key>{cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>{cdata(str(thumbnail))}</wp:meta_value></wp:postmeta>")
        for cid, approved, parent_comment in comments:
            cdate = (at + datetime.timedelta(hours=cid % 48 + 1)).strftime("%Y-%m-%d %H:%M:%S")
            out.append(f"<wp:comment><wp:comment_id>{cid}</wp:comment_id><wp:comment_author>{cdata('قارئ ' + str(cid))}</wp:comment_author>"
                       f"<wp:comment_author_email>{cdata(f'reader{cid}@example.net')}</wp:comment_author_email>"
                       f"<wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>{cdata('192.0.2.1')}</wp:comment_author_IP>"
                       f"<wp:comment_date>{cdata(cdate)}</wp:comment_date><wp:comment_date_gmt>{cdata(cdate)}</wp:comment_date_gmt>"
                       f"<wp:comment_content>{cdata(sentence(rng, pool))}</wp:comment_content><wp:comment_approved>{cdata(approved)}</wp:comment_approved>"
                       f"<wp:comment_type>{cdata('comment')}</wp:comment_type><wp:comment_parent>{parent_comment}</wp:comment_parent>"
                       f"<wp:comment_user_id>0</wp:comment_user_id></wp:comment>")
    out.append("</item>\n")
    return "".join(out)


if __name__ == "__main__":
    main()
