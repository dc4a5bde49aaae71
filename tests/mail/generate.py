#!/usr/bin/env python3
"""Regenerates the e-mail corpus (tests/mail/*.eml) deterministically.

The files are committed; this script documents how they were made (the
PDF and PNG are tiny real files built here) and recreates them after an
edit: python3 tests/mail/generate.py
"""
import base64, quopri, hashlib, zlib, struct, os, textwrap
OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)

def qp(text, charset):
    return quopri.encodestring(text.encode(charset)).decode("ascii")

def b64(data, width=76):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i+width] for i in range(0, len(s), width))

def crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")

def write(name, s, raw_crlf=True):
    data = crlf(s) if raw_crlf else s
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)

# Tiny real files.
def png_1x1():
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"\x00\xff\x80\x00"  # filter byte + one RGB pixel
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

def pdf_min():
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>",
            None]
    stream = b"BT /F1 12 Tf 20 50 Td (Comprobante 3341) Tj ET"
    objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out

png = png_1x1(); pdf = pdf_min()
print("png", len(png), hashlib.sha256(png).hexdigest())
print("pdf", len(pdf), hashlib.sha256(pdf).hexdigest())

# 1. Gmail: multipart/alternative, UTF-8 quoted-printable, owner -> billing.
text = "Hola:\n\nEn la factura de marzo me cobraron dos veces el plan Básico.\n¿Pueden revisarlo y devolver el cargo duplicado?\n\nGracias,\nOlga\n"
html = '<div dir="ltr"><div>Hola:</div><div><br></div><div>En la factura de marzo me cobraron dos veces el plan Básico.</div><div>¿Pueden revisarlo y devolver el cargo duplicado?</div><div><br></div><div>Gracias,</div><div>Olga</div></div>\n'
write("gmail_alternative.eml", f"""MIME-Version: 1.0
Date: Mon, 3 Mar 2025 10:02:11 -0600
Message-ID: <CAHk9fZ3q+7wq1Xw2bS=J0yQk1b4m@mail.gmail.com>
Subject: Cobro duplicado en la factura de marzo
From: Olga Owner <owner@example.com>
To: billing@desk.localhost
Content-Type: multipart/alternative; boundary="000000000000f3a1c9062f5e8d2b"

--000000000000f3a1c9062f5e8d2b
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(text, "utf-8")}
--000000000000f3a1c9062f5e8d2b
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(html, "utf-8")}
--000000000000f3a1c9062f5e8d2b--
""")

# 2. Outlook reply: windows-1252 QP, -----Original Message----- quote, owner replies to a ticket.
text = ("Buenos días:\n\nAdjunté el comprobante en el portal; el cargo aparece el 2 de marzo.\nQuedo atenta a su revisión.\n\n"
        "Olga Owner\nGerente de Administración\n\n"
        "-----Original Message-----\nFrom: Ecolo Soporte / Support <billing@desk.localhost>\nSent: Monday, March 3, 2025 11:15 AM\n"
        "To: Olga Owner <owner@example.com>\nSubject: Re: [#{{TICKET}}] Cobro duplicado en la factura de marzo\n\n"
        "Soporte respondió a su ticket: ¿podría enviarnos el comprobante del cargo?\n")
write("outlook_reply.eml", f"""Received: from DM6PR11MB4434.namprd11.prod.outlook.com ([fe80::5d1a]) by DM6PR11MB4434.namprd11.prod.outlook.com; Mon, 3 Mar 2025 17:40:02 +0000
From: Olga Owner <owner@example.com>
To: "Ecolo Soporte / Support" <billing@desk.localhost>
Subject: RE: [#{{{{TICKET}}}}] Cobro duplicado en la factura de marzo
Thread-Topic: [#{{{{TICKET}}}}] Cobro duplicado en la factura de marzo
Thread-Index: AQHbjFq3kzYk0m1vOEqY1b2aZ3p4Hw==
Date: Mon, 3 Mar 2025 17:40:01 +0000
Message-ID: <DM6PR11MB44348A1C2E0B6F1D9C3E5A7BC1D02@DM6PR11MB4434.namprd11.prod.outlook.com>
In-Reply-To: <ticket-{{{{TICKET}}}}-m2@desk.localhost>
Accept-Language: es-MX, en-US
Content-Language: es-MX
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Type: text/plain; charset="Windows-1252"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

{qp(text.replace("{{TICKET}}", "{{TICKET}}"), "cp1252")}
""")

# 3. Thunderbird: format=flowed, UTF-8 base64, contact martha -> email@.
text = ("Hola equipo de soporte,\r\n\r\nNecesito crear la cuenta de correo facturacion@ejemplo.mx con una \r\n"
        "cuota de 2 GB y reenvío automático a contabilidad@ejemplo.mx, por \r\nfavor.\r\n\r\n"
        "Saludos,\r\n-- \r\nMartha Gómez\r\nContabilidad\r\n")
write("thunderbird_flowed.eml", f"""Message-ID: <9d1f0c4e-3b2a-4c71-8e55-1f2a3b4c5d6e@example.com>
Date: Tue, 4 Mar 2025 09:15:42 -0600
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: es-ES
To: email@desk.localhost
From: =?UTF-8?Q?Martha_G=C3=B3mez?= <martha@example.com>
Subject: =?UTF-8?Q?Crear_cuenta_de_correo_facturaci=C3=B3n?=
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: base64

{b64(text.encode("utf-8"))}
""")

# 4. ISO-8859-1 quoted-printable Spanish, owner -> control-panel, Delivered-To only (Bcc'd).
text = ("Hola,\n\nDesde ayer el sitio muestra \"Error de conexión a la base de datos\".\n"
        "El espacio en disco está al 98% y no sé qué archivos borrar.\n¿Podrían ampliar la cuota o decirme qué limpiar?\n\nMuchas gracias.\n")
write("latin1_qp.eml", f"""Return-Path: <owner@example.com>
Delivered-To: control-panel@desk.localhost
Received: from mail.example.com (mail.example.com [192.0.2.10]) by mx.desk.localhost (Postfix) with ESMTPS id 4Z7k; Wed, 5 Mar 2025 08:01:00 -0600
From: "Olga Owner" <owner@example.com>
To: undisclosed-recipients:;
Subject: =?ISO-8859-1?Q?Error_de_conexi=F3n_a_la_base_de_datos?=
Date: Wed, 5 Mar 2025 08:00:55 -0600
Message-ID: <20250305140055.4711@mail.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

{qp(text, "latin-1")}
""")

# 5. Attachments: multipart/mixed with PDF and PNG, owner -> website-updates.
text = "Les envío el texto final para la página de inicio y la imagen del encabezado.\nTambién adjunto el comprobante en PDF.\n"
write("attachments.eml", f"""MIME-Version: 1.0
Date: Thu, 6 Mar 2025 12:30:00 -0600
Message-ID: <CAHk9fZ7attach0001@mail.gmail.com>
Subject: Texto final e imagen para la portada
From: Olga Owner <owner@example.com>
To: website-updates@desk.localhost
Content-Type: multipart/mixed; boundary="000000000000b1c2d3062f5e8d40"

--000000000000b1c2d3062f5e8d40
Content-Type: multipart/alternative; boundary="000000000000b1c2d1062f5e8d3e"

--000000000000b1c2d1062f5e8d3e
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(text, "utf-8")}
--000000000000b1c2d1062f5e8d3e
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp("<div dir=ltr>" + text.replace(chr(10), "<br>") + "</div>", "utf-8")}
--000000000000b1c2d1062f5e8d3e--

--000000000000b1c2d3062f5e8d40
Content-Type: application/pdf; name="comprobante-3341.pdf"
Content-Disposition: attachment; filename="comprobante-3341.pdf"
Content-Transfer-Encoding: base64
X-Attachment-Id: f_m7x2a1b0

{b64(pdf)}
--000000000000b1c2d3062f5e8d40
Content-Type: image/png; name="encabezado.png"
Content-Disposition: inline; filename="encabezado.png"
Content-Transfer-Encoding: base64
Content-ID: <ii_m7x2a1b11>

{b64(png)}
--000000000000b1c2d3062f5e8d40--
""")

# 6. HTML-only, quoted-printable, owner -> quotes.
html = ("<html><head><style>body{font-family:Calibri}</style></head><body>"
        "<p>Buenas tardes,</p><p>Quisiera una cotizaci&oacute;n para <b>3 dominios</b> adicionales y el plan Profesional.</p>"
        "<ul><li>ejemplo.mx</li><li>ejemplo.com.mx</li></ul><p>&iquest;Incluye certificado SSL?</p></body></html>\n")
write("html_only.eml", f"""From: Olga Owner <owner@example.com>
To: quotes@desk.localhost
Subject: =?utf-8?B?Q290aXphY2nDs24gZG9taW5pb3M=?=
Date: Fri, 7 Mar 2025 16:20:00 -0600
Message-ID: <html-only-0001@example.com>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

{qp(html, "utf-8")}
""")

# 7. Gmail reply with Spanish attribution and quoted history, martha -> email@.
text = ("Ya quedó, muchas gracias. La cuenta funciona en el celular también.\n\n"
        "El mar, 4 mar 2025 a las 11:02, Ecolo Soporte / Support (<email@desk.localhost>) escribió:\n\n"
        "> Soporte respondió a su ticket #{{TICKET}}:\n>\n> La cuenta facturacion@ejemplo.mx ya está creada.\n>\n")
write("reply_quoted_es.eml", f"""MIME-Version: 1.0
Date: Tue, 4 Mar 2025 11:30:12 -0600
References: <ticket-{{{{TICKET}}}}@desk.localhost> <ticket-{{{{TICKET}}}}-m2@desk.localhost>
In-Reply-To: <ticket-{{{{TICKET}}}}-m2@desk.localhost>
Message-ID: <CAHk9fZ2reply0002@mail.gmail.com>
Subject: Re: [#{{{{TICKET}}}}] =?UTF-8?Q?Crear_cuenta_de_correo_facturaci=C3=B3n?=
From: =?UTF-8?Q?Martha_G=C3=B3mez?= <martha@example.com>
To: "Ecolo Soporte / Support" <email@desk.localhost>
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{qp(text, "utf-8")}
""")

# 8. Auto-reply (vacation).
write("auto_reply.eml", """From: Olga Owner <owner@example.com>
To: billing@desk.localhost
Subject: Fuera de la oficina: Cobro duplicado
Date: Mon, 3 Mar 2025 10:05:00 -0600
Message-ID: <autoreply-0001@example.com>
Auto-Submitted: auto-replied
X-Autoreply: yes
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Estoy fuera de la oficina hasta el 10 de marzo.
""")

# 9. Bounce: multipart/report from MAILER-DAEMON, null sender.
write("bounce.eml", """Return-Path: <>
Delivered-To: billing@desk.localhost
Date: Mon, 3 Mar 2025 10:06:00 -0600 (CST)
From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: billing@desk.localhost
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="4Z7kQ1.1741017960/mx.example.org"
Message-Id: <20250303160600.4Z7kQ1@mx.example.org>

This is a MIME-encapsulated message.

--4Z7kQ1.1741017960/mx.example.org
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<nobody@example.org>: host mx.example.org said: 550 5.1.1 User unknown

--4Z7kQ1.1741017960/mx.example.org
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org
Arrival-Date: Mon,  3 Mar 2025 10:05:59 -0600 (CST)

Final-Recipient: rfc822; nobody@example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--4Z7kQ1.1741017960/mx.example.org
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Ecolo Soporte / Support <billing@desk.localhost>
To: nobody@example.org
Subject: Re: Hola

--4Z7kQ1.1741017960/mx.example.org--
""")

# 10. Mailing list (sent by the owner's address through a list).
write("mailing_list.eml", """From: Olga Owner <owner@example.com>
To: hosting-users@lists.example.net
Cc: billing@desk.localhost
Subject: [hosting-users] Cambios de precios 2025
Date: Sat, 8 Mar 2025 09:00:00 -0600
Message-ID: <list-0001@example.com>
List-Id: Hosting users <hosting-users.lists.example.net>
List-Unsubscribe: <mailto:hosting-users-leave@lists.example.net>
Precedence: list
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

¿Alguien sabe si los precios cambian este año?
""")

# 11. Unknown sender.
write("unauthorized.eml", """From: Mallory Stranger <stranger@example.org>
To: billing@desk.localhost
Subject: Quiero mi reembolso
Date: Sat, 8 Mar 2025 10:00:00 -0600
Message-ID: <stranger-0001@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Devuélvanme el dinero.
""")

# 12. A contact writing to a category it may not use.
write("contact_wrong_category.eml", """From: =?UTF-8?Q?Martha_G=C3=B3mez?= <martha@example.com>
To: quotes@desk.localhost
Subject: Cotización de dominios
Date: Sat, 8 Mar 2025 11:00:00 -0600
Message-ID: <martha-quotes-0001@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

¿Cuánto cuesta un dominio .mx?
""")

# 13. Not a message at all.
with open(os.path.join(OUT, "unparseable.eml"), "wb") as f:
    f.write(b"\x89\x00\xffthis is not an e-mail\x00\x01\x02 just bytes\n")

# 14. Outlook, windows-1252 quoted-printable with the characters only
# windows-1252 has (curly quotes, en dash, euro sign), owner -> billing.
text = ("Hola:\n\nEl cargo de \u201cHosting Básico\u201d aparece dos veces \u2013 2 × 12,50 \u20ac.\n"
        "¿Pueden devolver uno?\n\nOlga\n")
write("outlook_cp1252.eml", f"""From: Olga Owner <owner@example.com>
To: "billing@desk.localhost" <billing@desk.localhost>
Subject: =?windows-1252?Q?Cargo_doble_=93Hosting_B=E1sico=94_=96_12,50_=80?=
Thread-Topic: Cargo doble
Date: Sun, 9 Mar 2025 18:00:00 +0000
Message-ID: <DM6PR11MB4434CP1252A@DM6PR11MB4434.namprd11.prod.outlook.com>
Content-Language: es-MX
Content-Type: text/plain; charset="windows-1252"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

{qp(text, "cp1252")}
""")

# 15. Outlook on the web, English reply under an underscore rule and a
# From/Sent/To/Subject block, labelled ISO-8859-1 but written in
# windows-1252 (curly apostrophe, quotes), as Windows clients often do.
text = ("Thanks \u2013 I\u2019ve uploaded the \u201creceipt\u201d to the portal.\n\n"
        "________________________________\nFrom: Ecolo Soporte / Support <billing@desk.localhost>\n"
        "Sent: Monday, March 3, 2025 11:15 AM\nTo: Olga Owner <owner@example.com>\n"
        "Subject: Re: [#{{TICKET}}] Cobro duplicado en la factura de marzo\n\n"
        "Support answered your ticket: could you send us the receipt?\n")
write("outlook_web_reply_latin1.eml", f"""From: Olga Owner <owner@example.com>
To: Ecolo Soporte / Support <billing@desk.localhost>
Subject: RE: [#{{{{TICKET}}}}] Cobro duplicado en la factura de marzo
Date: Mon, 3 Mar 2025 18:02:00 +0000
Message-ID: <AM0PR07MB6114WEB0001@AM0PR07MB6114.eurprd07.prod.outlook.com>
In-Reply-To: <ticket-{{{{TICKET}}}}-m2@desk.localhost>
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable
MIME-Version: 1.0

{qp(text, "cp1252")}
""")

# 16. Thunderbird reply: format=flowed (soft breaks end in a space), the
# answer above its signature, then an English attribution and the quote.
text = ("Thanks, the mailbox works now. Could you also raise its quota to 5 GB \r\n"
        "when you have a moment?\r\n\r\n"
        "-- \r\nMartha Gómez\r\nContabilidad\r\n\r\n"
        "On 3/4/25 11:02 AM, Ecolo Soporte / Support wrote:\r\n"
        "> Support answered your ticket #{{TICKET}}: the account \r\n"
        "> facturacion@ejemplo.mx is ready.\r\n")
write("thunderbird_reply_flowed.eml", f"""Message-ID: <5b2e7c1a-7d4f-4e0b-9a61-0c9d8e7f6a5b@example.com>
Date: Tue, 4 Mar 2025 12:10:00 -0600
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: [#{{{{TICKET}}}}] =?UTF-8?Q?Crear_cuenta_de_correo_facturaci=C3=B3n?=
To: Ecolo Soporte / Support <email@desk.localhost>
References: <ticket-{{{{TICKET}}}}@desk.localhost> <ticket-{{{{TICKET}}}}-m2@desk.localhost>
From: =?UTF-8?Q?Martha_G=C3=B3mez?= <martha@example.com>
In-Reply-To: <ticket-{{{{TICKET}}}}-m2@desk.localhost>
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

{text}""")

# 17. Outlook HTML-only reply in Spanish: the answer, a rule, then the
# quoted message under a bold De/Enviado/Para/Asunto block.
html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        '<style type="text/css">p {margin:0}</style></head><body dir="ltr">'
        '<div style="font-family:Calibri">Listo, ya pagué la diferencia.</div>'
        '<div style="font-family:Calibri"><br></div>'
        '<div style="font-family:Calibri">Saludos,<br>Olga</div>'
        '<hr style="display:inline-block;width:98%" tabindex="-1">'
        '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri" style="font-size:11pt" color="#000000">'
        '<b>De:</b> Ecolo Soporte / Support &lt;billing@desk.localhost&gt;<br>'
        '<b>Enviado:</b> lunes, 3 de marzo de 2025 11:15<br>'
        '<b>Para:</b> Olga Owner &lt;owner@example.com&gt;<br>'
        '<b>Asunto:</b> Re: Cobro duplicado en la factura de marzo</font>'
        '<div>&nbsp;</div></div>'
        '<div>Soporte respondió a su ticket: falta pagar la diferencia.</div>'
        '</body></html>\n')
write("outlook_html_reply_es.eml", f"""From: Olga Owner <owner@example.com>
To: Ecolo Soporte / Support <billing@desk.localhost>
Subject: RE: [#{{{{TICKET}}}}] Cobro duplicado en la factura de marzo
Date: Mon, 3 Mar 2025 19:30:00 +0000
Message-ID: <DM6PR11MB4434HTML0001@DM6PR11MB4434.namprd11.prod.outlook.com>
In-Reply-To: <ticket-{{{{TICKET}}}}-m2@desk.localhost>
Content-Language: es-MX
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: base64
MIME-Version: 1.0

{b64(html.encode("utf-8"))}
""")
